package dev.boomer.adapter.persistence.cache;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few times a second, clears from this instance's in-process layer what other instances invalidated
 * ({@code boomer.cache.invalidation-poll}, 250 ms: an invalidation reaches every instance within a second);
 * now and then deletes invalidations too old to matter.
 */
@Singleton
final class InvalidationPoller {

    private static final Logger LOG = LoggerFactory.getLogger(InvalidationPoller.class);

    private final TieredCache cache;

    InvalidationPoller(TieredCache cache) {
        this.cache = cache;
    }

    @Scheduled(fixedDelay = "${boomer.cache.invalidation-poll:250ms}", initialDelay = "1s")
    void poll() {
        try {
            cache.applyOtherInstancesInvalidations();
        } catch (RuntimeException e) {
            LOG.warn("could not read other instances' cache invalidations (tried again shortly): {}", e.toString());
        }
    }

    @Scheduled(fixedDelay = "10m", initialDelay = "1m")
    void forget() {
        try {
            cache.forgetOldInvalidations();
        } catch (RuntimeException e) {
            LOG.warn("could not delete old cache invalidations: {}", e.toString());
        }
    }
}
