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

/** Runs one item through {@link ProcessItem}, wherever the run starts, and counts the outcome. */
@Singleton
public class ItemRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ItemRunner.class);

    private final ProcessItem processItem;
    private final MeterRegistry meters;

    ItemRunner(ProcessItem processItem, MeterRegistry meters) {
        this.processItem = processItem;
        this.meters = meters;
    }

    public ProcessOutcome run(ItemId item) {
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
        if (!(outcome instanceof ProcessOutcome.Drafted || outcome instanceof ProcessOutcome.Skipped)) {
            LOG.info("item {}: {}", item, outcome);
        }
        return outcome;
    }
}
