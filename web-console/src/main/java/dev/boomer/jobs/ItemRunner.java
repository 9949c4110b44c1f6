package dev.boomer.jobs;

import dev.boomer.application.processing.ProcessItem;
import dev.boomer.application.processing.ProcessOutcome;
import dev.boomer.domain.item.ItemId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Runs one item through {@link ProcessItem}, wherever the run starts, and counts the outcome. */
@Singleton
public class ItemRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ItemRunner.class);
    /** Due items a job tries that other workers had first, before it settles for its own. */
    private static final int MAX_TAKE_TRIES = 4;

    private final ProcessItem processItem;
    private final MeterRegistry meters;
    private final ConcurrentMap<ItemId, CompletableFuture<ProcessOutcome>> inFlight = new ConcurrentHashMap<>();

    ItemRunner(ProcessItem processItem, MeterRegistry meters) {
        this.processItem = processItem;
        this.meters = meters;
    }

    /**
     * What a durable job runs: the most urgent due item nobody runs yet (see {@link ProcessItem#mostUrgentDue}),
     * its own when that is the one; after a few items other workers had first, or when none is due, its
     * own as it stands.
     */
    public ProcessOutcome runMostUrgent(ItemId own) {
        Set<ItemId> tried = new HashSet<>();
        for (int i = 0; i < MAX_TAKE_TRIES; i++) {
            Optional<ItemId> next = processItem.mostUrgentDue(tried);
            if (next.isEmpty()) {
                break;
            }
            tried.add(next.get());
            // never join a run of that item here: its outcome would end this job with no item of its own run
            Optional<ProcessOutcome> outcome = runUnlessRunning(next.get());
            if (outcome.isPresent() && !(outcome.get() instanceof ProcessOutcome.Busy
                    || outcome.get() instanceof ProcessOutcome.Skipped || outcome.get() instanceof ProcessOutcome.NotDue)) {
                return outcome.get();
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
        return runAs(item, mine);
    }

    /** Runs the item unless this instance runs it already (empty then). */
    private Optional<ProcessOutcome> runUnlessRunning(ItemId item) {
        CompletableFuture<ProcessOutcome> mine = new CompletableFuture<>();
        return inFlight.putIfAbsent(item, mine) == null ? Optional.of(runAs(item, mine)) : Optional.empty();
    }

    private ProcessOutcome runAs(ItemId item, CompletableFuture<ProcessOutcome> mine) {
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
