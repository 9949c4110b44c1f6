package dev.boomer.adapter.persistence.cache;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reclaims the space of expired L3 rows now and then; correctness never depends on it. */
@Singleton
final class ExpiredCacheEntriesPurge {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiredCacheEntriesPurge.class);

    private final PostgresCacheLayer table;
    private final Clock clock;

    ExpiredCacheEntriesPurge(PostgresCacheLayer table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${boomer.cache.purge-interval:1h}", initialDelay = "${boomer.cache.purge-interval:1h}")
    void purge() {
        int removed = table.purgeExpired(clock.instant());
        if (removed > 0) {
            LOG.info("removed {} expired cache entries", removed);
        }
    }
}
