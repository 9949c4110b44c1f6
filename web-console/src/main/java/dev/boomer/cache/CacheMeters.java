package dev.boomer.cache;

import dev.boomer.application.cache.CacheReport;
import dev.boomer.domain.cache.CacheStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The cache's meters, from a snapshot of its report taken every {@code boomer.cache.meters-interval} (so a
 * scrape never queries the database): {@code boomer.cache.requests{namespace,layer,result}} (reads on this
 * instance), {@code boomer.cache.entries{namespace,layer}} and {@code boomer.cache.saved.usd{namespace}}
 * (what vision hits saved, every instance's).
 */
@Singleton
final class CacheMeters {

    private static final Logger LOG = LoggerFactory.getLogger(CacheMeters.class);

    private final CacheReport report;
    private final MeterRegistry meters;
    private final Map<String, CacheStatistics.LayerStats> latest = new ConcurrentHashMap<>();
    private final AtomicReference<Double> visionSaved = new AtomicReference<>(0.0);

    CacheMeters(CacheReport report, MeterRegistry meters) {
        this.report = report;
        this.meters = meters;
        FunctionCounter.builder("boomer.cache.saved.usd", visionSaved, AtomicReference::get)
                .description("What the answers served from the cache would have cost").baseUnit("usd")
                .tags("namespace", "vision").register(meters);
    }

    @Scheduled(fixedDelay = "${boomer.cache.meters-interval:15s}", initialDelay = "5s")
    void refresh() {
        try {
            CacheReport.Report now = report.report();
            visionSaved.set(now.visionSaved().amount().doubleValue());
            for (CacheStatistics.LayerStats stats : now.layers()) {
                String id = stats.namespace() + "|" + stats.layer();
                if (latest.put(id, stats) == null) {
                    register(id, stats.namespace(), stats.layer());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("could not read the cache's figures for its meters (tried again shortly): {}", e.toString());
        }
    }

    private void register(String id, String namespace, String layer) {
        FunctionCounter.builder("boomer.cache.requests", latest, all -> all.get(id).hits())
                .tags("namespace", namespace, "layer", layer, "result", "hit").register(meters);
        FunctionCounter.builder("boomer.cache.requests", latest, all -> all.get(id).misses())
                .tags("namespace", namespace, "layer", layer, "result", "miss").register(meters);
        Gauge.builder("boomer.cache.entries", latest, all -> all.get(id).entries())
                .tags("namespace", namespace, "layer", layer).register(meters);
    }
}
