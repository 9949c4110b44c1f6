package dev.boomer.adapter.persistence.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boomer.adapter.persistence.TestDatabase;
import dev.boomer.domain.cache.CacheSelection;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Redis layer against the Redis at 127.0.0.1:6379, under a key prefix of its own per test. */
class RedisCacheLayerTest {

    private final String prefix = "boomer-test:" + UUID.randomUUID() + ":";
    private final ApplicationContext context = ApplicationContext.builder().properties(properties(prefix))
            .singletons(Clock.systemUTC()).start();
    private final RedisCacheLayer redis = context.getBean(RedisCacheLayer.class);
    private final Instant now = Instant.now();

    @AfterEach
    void clean() {
        redis.remove(CacheSelection.all());
        context.close();
    }

    @Test
    void aValueIsReadBackAndRedisExpiresItWithTheEntry() {
        redis.put("market:ebay:nikon", value("market", "{\"median\":\"226.00\"}", Duration.ofMinutes(5), Set.of()));

        assertThat(redis.get("market:ebay:nikon", now)).hasValueSatisfying(read -> {
            assertThat(read.json()).isEqualTo("{\"median\":\"226.00\"}");
            assertThat(read.namespace()).isEqualTo("market");
        });
        try (StatefulRedisConnection<byte[], byte[]> raw = rawConnection()) {
            Long ttl = raw.sync().pttl((prefix + "e:market:ebay:nikon").getBytes(StandardCharsets.UTF_8));
            assertThat(ttl).isBetween(1L, Duration.ofMinutes(5).toMillis());
        }
    }

    @Test
    void aValueOverOneKilobyteIsStoredCompressed() {
        String big = "{\"comparables\":\"" + "Nikon F3 35mm SLR Film Camera Body ".repeat(200) + "\"}";
        redis.put("market:ebay:big", value("market", big, Duration.ofMinutes(5), Set.of()));
        redis.put("market:ebay:small", value("market", "{}", Duration.ofMinutes(5), Set.of()));

        try (StatefulRedisConnection<byte[], byte[]> raw = rawConnection()) {
            byte[] stored = raw.sync().get((prefix + "e:market:ebay:big").getBytes(StandardCharsets.UTF_8));
            byte[] small = raw.sync().get((prefix + "e:market:ebay:small").getBytes(StandardCharsets.UTF_8));
            assertThat(stored[0]).isEqualTo((byte) 'z');
            assertThat(stored.length).isLessThan(big.length() / 4);
            assertThat(small[0]).isEqualTo((byte) 'j');
        }
        assertThat(redis.get("market:ebay:big", now)).hasValueSatisfying(read -> assertThat(read.json()).isEqualTo(big));
    }

    @Test
    void entriesAreRemovedByKeyPrefixNamespaceTagOrAll() {
        redis.put("vision:camera", value("vision", "1", Duration.ofDays(7), Set.of("brand:canon", "gtin:04960999123455")));
        redis.put("vision:mug", value("vision", "2", Duration.ofDays(7), Set.of("brand:le creuset")));
        redis.put("market:ebay:gtin-04960999123455", value("market", "3", Duration.ofHours(24),
                Set.of("gtin:04960999123455")));
        redis.put("market:simulated:mug", value("market", "4", Duration.ofHours(24), Set.of()));
        redis.put("taxonomy:ebay:suggest:mug", value("taxonomy", "5", Duration.ofDays(7), Set.of()));

        assertThat(redis.remove(CacheSelection.tag("gtin:04960999123455"))).isEqualTo(2);
        assertThat(redis.get("vision:camera", now)).isEmpty();
        assertThat(redis.remove(CacheSelection.prefix("market:simulated:"))).isEqualTo(1);
        assertThat(redis.remove(new CacheSelection(CacheSelection.Kind.KEY, "vision:mug"))).isEqualTo(1);
        assertThat(redis.usage(now)).containsOnlyKeys("taxonomy");
        assertThat(redis.remove(CacheSelection.namespace("taxonomy"))).isEqualTo(1);
        assertThat(redis.usage(now)).isEmpty();
    }

    @Test
    void entriesAreFoundByPrefixAndCountedPerNamespace() {
        redis.put("market:ebay:a", value("market", "1", Duration.ofHours(1), Set.of()));
        redis.put("market:ebay:b", value("market", "22", Duration.ofHours(1), Set.of()));
        redis.put("vision:c", value("vision", "3", Duration.ofHours(1), Set.of()));

        assertThat(redis.find("market:ebay:", now, 10)).containsOnlyKeys("market:ebay:a", "market:ebay:b");
        assertThat(redis.find("market:ebay:", now, 1)).containsOnlyKeys("market:ebay:a");
        assertThat(redis.usage(now).get("market").entries()).isEqualTo(2);
        assertThat(redis.usage(now).get("vision").entries()).isEqualTo(1);
    }

    @Test
    void aGlobCharacterInAPrefixIsTakenLiterally() {
        redis.put("market:ebay:a*b", value("market", "1", Duration.ofHours(1), Set.of()));
        redis.put("market:ebay:axb", value("market", "2", Duration.ofHours(1), Set.of()));

        assertThat(redis.find("market:ebay:a*", now, 10)).containsOnlyKeys("market:ebay:a*b");
    }

    @Test
    void theApplicationsCacheAsksRedisBetweenItsInProcessLayerAndPostgres() {
        TieredCache cache = context.getBean(TieredCache.class);

        assertThat(cache.layers()).extracting(CacheLayer::name).containsExactly("l1", "redis", "postgres");
    }

    /** Redis, and a migrated database of the tests' own for the layers behind it. */
    private static Map<String, Object> properties(String prefix) {
        Map<String, Object> properties = new java.util.HashMap<>(TestDatabase.datasourceProperties(TestDatabase.database()));
        properties.put("redis.uri", "redis://127.0.0.1:6379");
        properties.put("boomer.cache.redis-prefix", prefix);
        return properties;
    }

    private CachedValue value(String namespace, String json, Duration ttl, Set<String> tags) {
        return new CachedValue(namespace, String.class.getName(), json, now.plus(ttl), tags);
    }

    private static StatefulRedisConnection<byte[], byte[]> rawConnection() {
        return RedisClient.create("redis://127.0.0.1:6379").connect(ByteArrayCodec.INSTANCE);
    }
}
