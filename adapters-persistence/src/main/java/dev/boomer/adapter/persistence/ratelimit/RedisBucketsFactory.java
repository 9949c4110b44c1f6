package dev.boomer.adapter.persistence.ratelimit;

import dev.boomer.resilience.BucketStore;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Rate-limit buckets in Redis when {@code redis.uri} is set (Bucket4j's compare-and-swap over Lettuce), so
 * that every instance using that Redis draws from the same provider limits without touching PostgreSQL.
 * A bucket's key expires once it would be full again, plus a margin.
 */
@Factory
@Requires(property = "redis.uri")
class RedisBucketsFactory {

    /** A connection of its own, with Bucket4j's byte codec; it closes with the client at shutdown. */
    @Singleton
    BucketStore redisBuckets(RedisClient redis) {
        StatefulRedisConnection<byte[], byte[]> connection = redis.connect(ByteArrayCodec.INSTANCE);
        return BucketStore.shared(Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(30)))
                .build()
                .withMapper((String key) -> key.getBytes(StandardCharsets.UTF_8)));
    }
}
