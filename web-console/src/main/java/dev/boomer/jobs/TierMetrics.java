package dev.boomer.jobs;

import dev.boomer.application.processing.AnalysisListener;
import dev.boomer.domain.vision.ItemAnalysis;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * {@code boomer.vision.accepted{tier, source}}: which tier each accepted analysis came from, and whether it
 * was paid for or served from the cache. The share of items finished on each tier is the ratio of its
 * count to the total.
 */
@Singleton
class TierMetrics implements AnalysisListener {

    private final MeterRegistry meters;

    TierMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void accepted(ItemAnalysis analysis) {
        meters.counter("boomer.vision.accepted",
                "tier", analysis.call().tier().name().toLowerCase(Locale.ROOT),
                "source", analysis.fromCache() ? "cache" : "paid").increment();
    }
}
