package dev.boomer.resilience;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where rate-limit buckets live: in this process, or in a store every instance shares (PostgreSQL or
 * Redis, through a Bucket4j {@link ProxyManager} the composition root builds), so that several instances
 * together stay within one provider account's limits.
 */
public interface BucketStore {

    /** The bucket of this key, created with {@code configuration} the first time it is asked for. */
    Bucket bucket(String key, BucketConfiguration configuration);

    /** Whether instances share the buckets, for operators. */
    boolean shared();

    static BucketStore inMemory() {
        Map<String, Bucket> buckets = new ConcurrentHashMap<>();
        return new BucketStore() {
            @Override
            public Bucket bucket(String key, BucketConfiguration configuration) {
                return buckets.computeIfAbsent(key, ignored -> {
                    var builder = Bucket.builder();
                    for (var bandwidth : configuration.getBandwidths()) {
                        builder.addLimit(bandwidth);
                    }
                    return builder.build();
                });
            }

            @Override
            public boolean shared() {
                return false;
            }
        };
    }

    static BucketStore shared(ProxyManager<String> proxies) {
        Objects.requireNonNull(proxies, "proxies");
        return new BucketStore() {
            @Override
            public Bucket bucket(String key, BucketConfiguration configuration) {
                return proxies.builder().build(key, () -> configuration);
            }

            @Override
            public boolean shared() {
                return true;
            }
        };
    }
}
