package dev.boomer.jobs;

import dev.boomer.application.processing.ProcessItem;
import dev.boomer.application.processing.ProcessOutcome;
import dev.boomer.domain.item.ItemId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Runs one item through {@link ProcessItem}, wherever the run starts, and counts the outcome. */
@Singleton
public class ItemRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ItemRunner.class);

    private final ProcessItem processItem;
    private final MeterRegistry meters;
    private final ConcurrentMap<ItemId, CompletableFuture<ProcessOutcome>> inFlight = new ConcurrentHashMap<>();

    ItemRunner(ProcessItem processItem, MeterRegistry meters) {
        this.processItem = processItem;
        this.meters = meters;
    }

    /**
     * What a durable job runs: the most urgent due item (see {@link ProcessItem#takeInstead}), else, or
     * when another worker took that one first, its own.
     */
    public ProcessOutcome runMostUrgent(ItemId own) {
        Optional<ItemId> instead = processItem.takeInstead(own).filter(other -> !other.equals(own));
        if (instead.isPresent()) {
            ProcessOutcome outcome = run(instead.get());
            if (!(outcome instanceof ProcessOutcome.Busy || outcome instanceof ProcessOutcome.Skipped)) {
                return outcome;
            }
        }
        return run(own);
    }

    /**
     * Runs the item, or, when this instance is already running it (an instant start racing the durable
     * job's first poll), waits for that run and shares its outcome instead of reporting the item busy.
     */
    public ProcessOutcome run(ItemId item) {
        CompletableFuture<ProcessOutcome> mine = new CompletableFuture<>();
        CompletableFuture<ProcessOutcome> running = inFlight.putIfAbsent(item, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            ProcessOutcome outcome = measured(item);
            mine.complete(outcome);
            return outcome;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(item, mine);
        }
    }

    private ProcessOutcome measured(ItemId item) {
        Timer.Sample sample = Timer.start(meters);
        ProcessOutcome outcome;
        try {
            outcome = processItem.process(item);
        } catch (RuntimeException e) {
            meters.counter("boomer.items.processed", "outcome", "error").increment();
            LOG.warn("item {} failed unexpectedly: {}", item, e.toString());
            throw e;
        }
        String name = outcome.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        sample.stop(meters.timer("boomer.items.processing", "outcome", name));
        meters.counter("boomer.items.processed", "outcome", name).increment();
        switch (outcome) {
            case ProcessOutcome.Drafted drafted -> { }
            case ProcessOutcome.Skipped skipped -> { }
            case ProcessOutcome.NotDue notDue -> { } // its job came early; it is scheduled again for its time
            case ProcessOutcome.RetryLater waiting -> LOG.info("item {} {} until {}: {}", item,
                    waiting.fault() ? "retries (retry " + waiting.waiting().retries() + ")" : "waits for its provider",
                    waiting.at(), waiting.reason());
            default -> LOG.info("item {}: {}", item, outcome);
        }
        return outcome;
    }
}
