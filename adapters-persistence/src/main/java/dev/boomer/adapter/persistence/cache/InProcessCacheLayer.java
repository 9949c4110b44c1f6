package dev.boomer.adapter.persistence.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.boomer.domain.cache.CacheSelection;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** L1: bounded Caffeine cache in this JVM; entries live no longer than the L1 TTL or their own expiry. */
@Singleton
@Order(1)
final class InProcessCacheLayer implements CacheLayer {

    private final Cache<String, CachedValue> entries;

    InProcessCacheLayer(CacheConfig config, Clock clock) {
        Duration l1Ttl = config.l1Ttl();
        this.entries = Caffeine.newBuilder()
                .maximumSize(config.l1MaximumSize())
                .expireAfter(new Expiry<String, CachedValue>() {
                    @Override
                    public long expireAfterCreate(String key, CachedValue value, long currentTime) {
                        return lifetime(value);
                    }

                    @Override
                    public long expireAfterUpdate(String key, CachedValue value, long currentTime,
                                                  long currentDuration) {
                        return lifetime(value);
                    }

                    @Override
                    public long expireAfterRead(String key, CachedValue value, long currentTime,
                                                long currentDuration) {
                        return currentDuration;
                    }

                    private long lifetime(CachedValue value) {
                        Duration remaining = Duration.between(clock.instant(), value.expiresAt());
                        Duration lifetime = remaining.compareTo(l1Ttl) < 0 ? remaining : l1Ttl;
                        return Math.max(0, lifetime.toNanos());
                    }
                })
                .build();
    }

    @Override
    public Optional<CachedValue> get(String key, Instant now) {
        // Caffeine expires by its own ticker; the value's expiry is checked against our clock as well
        return Optional.ofNullable(entries.getIfPresent(key)).filter(value -> value.isLiveAt(now));
    }

    @Override
    public void put(String key, CachedValue value) {
        entries.put(key, value);
    }

    @Override
    public long remove(CacheSelection selection) {
        if (selection.kind() == CacheSelection.Kind.KEY) {
            boolean held = entries.getIfPresent(selection.value()) != null;
            entries.invalidate(selection.value());
            return held ? 1 : 0;
        }
        AtomicLong removed = new AtomicLong();
        entries.asMap().entrySet().removeIf(entry -> {
            boolean selected = selection.matches(entry.getKey(), entry.getValue().namespace(), entry.getValue().tags());
            if (selected) {
                removed.incrementAndGet();
            }
            return selected;
        });
        return removed.get();
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public String name() {
        return "l1";
    }

    @Override
    public SortedMap<String, CachedValue> find(String keyPrefix, Instant now, int limit) {
        SortedMap<String, CachedValue> found = new TreeMap<>();
        entries.asMap().forEach((key, value) -> {
            if (key.startsWith(keyPrefix) && value.isLiveAt(now)) {
                found.put(key, value);
            }
        });
        while (found.size() > limit) {
            found.remove(found.lastKey());
        }
        return found;
    }

    @Override
    public Map<String, LayerUsage> usage(Instant now) {
        Map<String, LayerUsage> usage = new TreeMap<>();
        entries.asMap().values().stream().filter(value -> value.isLiveAt(now)).forEach(value ->
                usage.merge(value.namespace(), new LayerUsage(1, value.json().length()),
                        (a, b) -> new LayerUsage(a.entries() + b.entries(), a.bytes() + b.bytes())));
        return usage;
    }
}
