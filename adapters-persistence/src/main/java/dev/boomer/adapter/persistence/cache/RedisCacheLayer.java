package dev.boomer.adapter.persistence.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.boomer.domain.cache.CacheSelection;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Order;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * L2: Redis, when {@code redis.uri} is set, shared by every instance and faster than PostgreSQL. Each
 * entry is a key of its own ({@code boomer.cache.redis-prefix}, then the cache key) that Redis expires
 * with the entry; values over {@value #COMPRESS_ABOVE} bytes are stored gzipped. A tag is a set of the
 * keys that carry it, living as long as its longest-lived entry.
 */
@Singleton
@Order(2)
@Requires(property = "redis.uri")
final class RedisCacheLayer implements CacheLayer {

    static final int COMPRESS_ABOVE = 1024;
    private static final byte PLAIN = 'j';
    private static final byte GZIPPED = 'z';
    private static final int SCAN_BATCH = 500;

    /** How an entry is stored: its {@link CachedValue}, short names. */
    record Stored(String n, String t, String j, Instant e, Set<String> g, Instant f) {
    }

    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final RedisCommands<byte[], byte[]> redis;
    private final String prefix;
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    RedisCacheLayer(RedisClient client, @Value("${boomer.cache.redis-prefix:boomer:cache:}") String prefix) {
        this.connection = client.connect(ByteArrayCodec.INSTANCE);
        this.redis = connection.sync();
        this.prefix = prefix;
    }

    @PreDestroy
    void close() {
        connection.close();
    }

    @Override
    public Optional<CachedValue> get(String key, Instant now) {
        byte[] stored = redis.get(entryKey(key));
        return Optional.ofNullable(stored).map(this::decode).filter(value -> value.isLiveAt(now));
    }

    @Override
    public void put(String key, CachedValue value) {
        long expiresAt = value.expiresAt().toEpochMilli();
        if (expiresAt <= System.currentTimeMillis()) {
            return;
        }
        redis.set(entryKey(key), encode(value), SetArgs.Builder.pxAt(expiresAt));
        for (String tag : value.tags()) {
            byte[] tagKey = tagKey(tag);
            redis.sadd(tagKey, key.getBytes(StandardCharsets.UTF_8));
            Long ttl = redis.pttl(tagKey);
            if (ttl == null || ttl < 0 || System.currentTimeMillis() + ttl < expiresAt) {
                redis.pexpireat(tagKey, expiresAt);
            }
        }
    }

    @Override
    public long remove(CacheSelection selection) {
        return switch (selection.kind()) {
            case KEY -> redis.del(entryKey(selection.value()));
            case TAG -> {
                byte[] tagKey = tagKey(selection.value());
                List<byte[]> keys = redis.smembers(tagKey).stream().map(k -> entryKey(new String(k,
                        StandardCharsets.UTF_8))).toList();
                long removed = keys.isEmpty() ? 0 : redis.del(keys.toArray(byte[][]::new));
                redis.del(tagKey);
                yield removed;
            }
            case PREFIX -> removeMatching(selection.value());
            case NAMESPACE -> removeMatching(selection.value() + ":");
            case ALL -> removeMatching("") + removeTags();
        };
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public Map<String, LayerUsage> usage(Instant now) {
        Map<String, LayerUsage> usage = new TreeMap<>();
        scan(glob(entryPrefix()), key -> {
            String cacheKey = cacheKeyOf(key);
            String namespace = cacheKey.substring(0, Math.max(0, cacheKey.indexOf(':')));
            Long size = redis.strlen(key);
            usage.merge(namespace, new LayerUsage(1, size == null ? 0 : size),
                    (a, b) -> new LayerUsage(a.entries() + b.entries(), a.bytes() + b.bytes()));
        });
        return usage;
    }

    @Override
    public SortedMap<String, CachedValue> find(String keyPrefix, Instant now, int limit) {
        SortedMap<String, CachedValue> found = new TreeMap<>();
        scan(glob(entryPrefix() + keyPrefix), key -> {
            byte[] stored = redis.get(key);
            if (stored != null) {
                CachedValue value = decode(stored);
                if (value.isLiveAt(now)) {
                    found.put(cacheKeyOf(key), value);
                }
            }
        });
        while (found.size() > limit) {
            found.remove(found.lastKey());
        }
        return found;
    }

    private long removeMatching(String keyPrefix) {
        List<byte[]> keys = new ArrayList<>();
        scan(glob(entryPrefix() + keyPrefix), keys::add);
        long removed = 0;
        for (int from = 0; from < keys.size(); from += SCAN_BATCH) {
            removed += redis.del(keys.subList(from, Math.min(keys.size(), from + SCAN_BATCH)).toArray(byte[][]::new));
        }
        return removed;
    }

    /** Tag sets go with everything; they are not entries, so they do not count. */
    private long removeTags() {
        List<byte[]> keys = new ArrayList<>();
        scan(glob(tagPrefix()), keys::add);
        for (int from = 0; from < keys.size(); from += SCAN_BATCH) {
            redis.del(keys.subList(from, Math.min(keys.size(), from + SCAN_BATCH)).toArray(byte[][]::new));
        }
        return 0;
    }

    private void scan(byte[] match, Consumer<byte[]> each) {
        ScanArgs args = ScanArgs.Builder.matches(match).limit(SCAN_BATCH);
        KeyScanCursor<byte[]> cursor = redis.scan(args);
        while (true) {
            cursor.getKeys().forEach(each);
            if (cursor.isFinished()) {
                return;
            }
            cursor = redis.scan(ScanCursor.of(cursor.getCursor()), args);
        }
    }

    private String entryPrefix() {
        return prefix + "e:";
    }

    private String tagPrefix() {
        return prefix + "t:";
    }

    private byte[] entryKey(String key) {
        return (entryPrefix() + key).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] tagKey(String tag) {
        return (tagPrefix() + tag).getBytes(StandardCharsets.UTF_8);
    }

    private String cacheKeyOf(byte[] redisKey) {
        return new String(redisKey, StandardCharsets.UTF_8).substring(entryPrefix().length());
    }

    /** A SCAN pattern for keys starting with this: the glob's own characters are escaped. */
    static byte[] glob(String keyPrefix) {
        return (keyPrefix.replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + "*").getBytes(StandardCharsets.UTF_8);
    }

    byte[] encode(CachedValue value) {
        byte[] plain;
        try {
            plain = json.writeValueAsBytes(new Stored(value.namespace(), value.type(), value.json(), value.expiresAt(),
                    value.tags(), value.freshUntil()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store a cache entry in Redis", e);
        }
        if (plain.length <= COMPRESS_ABOVE) {
            return withMarker(PLAIN, plain);
        }
        ByteArrayOutputStream zipped = new ByteArrayOutputStream(plain.length / 3);
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return withMarker(GZIPPED, zipped.toByteArray());
    }

    CachedValue decode(byte[] stored) {
        try {
            byte[] body = java.util.Arrays.copyOfRange(stored, 1, stored.length);
            if (stored[0] == GZIPPED) {
                try (GZIPInputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = gunzip.readAllBytes();
                }
            }
            Stored entry = json.readValue(body, Stored.class);
            return new CachedValue(entry.n(), entry.t(), entry.j(), entry.e(), entry.g(), entry.f());
        } catch (IOException e) {
            throw new UncheckedIOException("a Redis cache entry does not read back", e);
        }
    }

    private static byte[] withMarker(byte marker, byte[] body) {
        byte[] marked = new byte[body.length + 1];
        marked[0] = marker;
        System.arraycopy(body, 0, marked, 1, body.length);
        return marked;
    }
}
