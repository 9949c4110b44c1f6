package dev.boomer.adapter.persistence.cache;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Cache settings under {@code boomer.cache}: a time to live per namespace ({@code boomer.cache.ttl.vision=7d}),
 * and the in-process layer's bound and its own, shorter time to live (entries in it are not shared with
 * other instances, so they must not outlive an invalidation elsewhere for long).
 *
 * @param staleGrace per namespace, how long past its time to live an entry is still served while one
 *                   caller refreshes it in the background (stale-while-revalidate; market 12 h, others 0)
 * @param loadLease how long one instance's load of a key keeps the others waiting for it unless renewed
 *                  (its instance renews it every third of that while the load runs): an instance that
 *                  died mid-load holds the others back at most this long
 */
@ConfigurationProperties("boomer.cache")
record CacheConfig(@Nullable Map<String, Duration> ttl,
                   @Nullable Duration defaultTtl,
                   @Nullable Duration l1Ttl,
                   @Nullable Long l1MaximumSize,
                   @Nullable Duration purgeInterval,
                   @Nullable Duration loadLease,
                   @Nullable Map<String, Duration> staleGrace) {

    static final Map<String, Duration> DEFAULT_TTLS = Map.of(
            "vision", Duration.ofDays(7),
            "market", Duration.ofHours(24),
            "estimate", Duration.ofHours(24),
            "taxonomy", Duration.ofDays(7));

    /** Market quotes past their day are served for this long more while one caller refreshes them. */
    static final Map<String, Duration> DEFAULT_GRACE = Map.of("market", Duration.ofHours(12));

    CacheConfig {
        Map<String, Duration> graces = new HashMap<>(DEFAULT_GRACE);
        if (staleGrace != null) {
            graces.putAll(staleGrace);
        }
        staleGrace = Map.copyOf(graces);
        staleGrace.forEach((namespace, duration) -> {
            if (duration.isNegative()) {
                throw new IllegalArgumentException("boomer.cache.stale-grace." + namespace + " must not be negative");
            }
        });
        Map<String, Duration> merged = new HashMap<>(DEFAULT_TTLS);
        if (ttl != null) {
            merged.putAll(ttl);
        }
        ttl = Map.copyOf(merged);
        defaultTtl = defaultTtl == null ? Duration.ofHours(1) : defaultTtl;
        l1Ttl = l1Ttl == null ? Duration.ofMinutes(10) : l1Ttl;
        l1MaximumSize = l1MaximumSize == null ? 10_000L : l1MaximumSize;
        purgeInterval = purgeInterval == null ? Duration.ofHours(1) : purgeInterval;
        loadLease = loadLease == null ? Duration.ofSeconds(30) : loadLease;
        ttl.forEach((namespace, duration) -> requirePositive("boomer.cache.ttl." + namespace, duration));
        requirePositive("boomer.cache.default-ttl", defaultTtl);
        requirePositive("boomer.cache.l1-ttl", l1Ttl);
        requirePositive("boomer.cache.purge-interval", purgeInterval);
        requirePositive("boomer.cache.load-lease", loadLease);
        if (l1MaximumSize < 0) {
            throw new IllegalArgumentException("boomer.cache.l1-maximum-size must be >= 0, not " + l1MaximumSize);
        }
    }

    static CacheConfig defaults() {
        return new CacheConfig(null, null, null, null, null, null, null);
    }

    /** How long past its time to live an entry of the namespace is served stale while it is refreshed. */
    Duration graceFor(String namespace) {
        return staleGrace.getOrDefault(namespace, Duration.ZERO);
    }

    Duration ttlFor(String namespace) {
        return ttl.getOrDefault(namespace, defaultTtl);
    }

    private static void requirePositive(String key, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, not " + duration);
        }
    }
}
