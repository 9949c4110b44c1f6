package dev.boomer.adapter.persistence.cache;

import dev.boomer.adapter.persistence.json.JsonCodec;
import dev.boomer.domain.cache.Cache;
import dev.boomer.domain.cache.CacheKey;
import dev.boomer.domain.cache.CacheSelection;
import dev.boomer.domain.cache.CacheStatistics;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Cache} port over ordered layers (L1 in-process, L3 PostgreSQL; a Redis L2 joins by its
 * {@code @Order}). Reads go nearest first and copy a far hit into the nearer layers; writes and
 * invalidations go to every layer; a key is loaded once across every instance ({@link LoadLeases}).
 */
@Singleton
final class TieredCache implements Cache, CacheStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(TieredCache.class);

    /** What a waiter in this JVM is given when the load found nothing to cache. */
    private static final Object NOTHING = new Object();
    /** How often a caller waiting for another instance's load looks for its value, at most. */
    private static final Duration LONGEST_POLL = Duration.ofMillis(200);

    private final List<CacheLayer> layers;
    private final LoadLeases leases;
    private final InvalidationFeed invalidations;
    /** The newest invalidation by any instance that this one has applied to its own layers. */
    private final AtomicLong invalidationsSeen;
    private final CacheConfig config;
    private final JsonCodec json;
    private final Clock clock;
    /* Loads under way in this JVM, one per key: later callers wait for the first caller's result. */
    private final ConcurrentMap<String, CompletableFuture<Object>> loading = new ConcurrentHashMap<>();
    private final CacheCounters counters = new CacheCounters();
    /* The leases this instance holds, by key: renewed while their loads run, released if it stops first. */
    private final ConcurrentMap<String, String> heldLeases = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("boomer-cache-lease-renewal").daemon().factory());
    /* Refreshes of stale entries: each waits on its source, not on a core. */
    private final ExecutorService refreshes = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("boomer-cache-refresh-", 0).factory());

    TieredCache(List<CacheLayer> layers, LoadLeases leases, InvalidationFeed invalidations, CacheConfig config,
                JsonCodec json, Clock clock) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a tiered cache needs at least one layer");
        }
        this.layers = List.copyOf(layers);
        this.leases = leases;
        this.invalidations = invalidations;
        this.invalidationsSeen = new AtomicLong(invalidations.latest());
        long every = Math.max(1, config.loadLease().toMillis() / 3);
        renewals.scheduleWithFixedDelay(this::renewHeldLeases, every, every, TimeUnit.MILLISECONDS);
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    List<CacheLayer> layers() {
        return layers;
    }

    @Override
    public <T> Optional<T> get(CacheKey key, Class<T> type) {
        return find(key, type, true).map(Found::value);
    }

    /** A value read back, and whether it is past its time to live (within its grace period). */
    private record Found<T>(T value, boolean stale) {
    }

    /** A read the caller already counted: a load's checks for a value that came meanwhile. */
    private <T> Optional<T> recheck(CacheKey key, Class<T> type) {
        return find(key, type, false).map(Found::value);
    }

    /** @param counted whether the read counts as one in the hits and misses (a caller's first read does) */
    private <T> Optional<Found<T>> find(CacheKey key, Class<T> type, boolean counted) {
        Objects.requireNonNull(type, "type");
        String storedKey = key.value();
        Instant now = clock.instant();
        for (int level = 0; level < layers.size(); level++) {
            Optional<CachedValue> hit = read(layers.get(level), level, storedKey, now);
            if (counted) {
                counters.count(key.namespace(), layers.get(level).name(), hit.isPresent());
            }
            if (hit.isPresent()) {
                for (int nearer = 0; nearer < level; nearer++) {
                    write(layers.get(nearer), nearer, storedKey, hit.get());
                }
                boolean stale = hit.get().isStaleAt(now);
                return decode(key, hit.get(), type).map(value -> new Found<>(value, stale));
            }
        }
        return Optional.empty();
    }

    /**
     * A stale entry is refreshed by one caller at a time, in this JVM (its load registered like any) and
     * across instances (its lease); the others, and this caller, go on with the stale value. A refresh that
     * fails keeps the stale value until it expires.
     */
    private <T> void refreshInBackground(CacheKey key, Class<T> type, Supplier<T> loader,
                                         Function<T, Set<String>> tags) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        if (loading.putIfAbsent(key.value(), mine) != null) {
            return;
        }
        refreshes.submit(() -> {
            String holder = UUID.randomUUID().toString();
            try {
                if (leases.tryAcquire(key.value(), holder, clock.instant(), config.loadLease())) {
                    loadHolding(key, holder, loader, tags);
                }
            } catch (RuntimeException e) {
                LOG.info("refreshing the stale cache entry {} failed (it is served until it expires): {}", key,
                        e.toString());
            } finally {
                loading.remove(key.value(), mine);
                mine.completeExceptionally(new IllegalStateException("a background refresh shares nothing"));
            }
        });
    }

    /**
     * A layer in front of the last (Redis, when it is down or holds an entry it cannot read) answers
     * nothing rather than failing the read; the last layer, the durable one, fails it.
     */
    private Optional<CachedValue> read(CacheLayer layer, int level, String key, Instant now) {
        if (level == layers.size() - 1) {
            return layer.get(key, now);
        }
        try {
            return layer.get(key, now);
        } catch (RuntimeException e) {
            LOG.warn("cache layer {} could not be read for {} (asking the next): {}", layer.name(), key, e.toString());
            return Optional.empty();
        }
    }

    private void write(CacheLayer layer, int level, String key, CachedValue value) {
        if (level == layers.size() - 1) {
            layer.put(key, value);
            return;
        }
        try {
            layer.put(key, value);
        } catch (RuntimeException e) {
            LOG.warn("cache layer {} could not keep {} (the others do): {}", layer.name(), key, e.toString());
        }
    }

    @Override
    public void put(CacheKey key, Object value, Set<String> tags) {
        Objects.requireNonNull(value, "value");
        Instant freshUntil = clock.instant().plus(config.ttlFor(key.namespace()));
        CachedValue cached = new CachedValue(key.namespace(), value.getClass().getName(), json.write(value),
                freshUntil.plus(config.graceFor(key.namespace())), tags, freshUntil);
        // farthest first: a value is shared before it is visible locally
        for (int level = layers.size() - 1; level >= 0; level--) {
            write(layers.get(level), level, key.value(), cached);
        }
    }

    /**
     * One load per key: in this JVM the first caller loads and the others wait for it; across instances
     * the caller holding the key's {@link LoadLeases lease} loads and the others wait for its value to
     * appear. Only success is shared: when a load fails (or its instance dies), each waiter loads for
     * itself, under its own budget.
     */
    @Override
    public <T> T getOrLoad(CacheKey key, Class<T> type, Supplier<T> loader, Function<T, Set<String>> tags) {
        while (true) {
            Optional<Found<T>> found = find(key, type, true);
            if (found.isPresent()) {
                if (found.get().stale()) {
                    refreshInBackground(key, type, loader, tags);
                }
                return found.get().value();
            }
            CompletableFuture<Object> mine = new CompletableFuture<>();
            CompletableFuture<Object> running = loading.putIfAbsent(key.value(), mine);
            if (running != null) {
                Optional<Object> shared = successOf(running);
                if (shared.isPresent()) {
                    return type.cast(shared.get() == NOTHING ? null : shared.get());
                }
                continue; // its load failed: this caller loads for itself
            }
            try {
                T value = loadOnceAcrossInstances(key, type, loader, tags);
                mine.complete(value == null ? NOTHING : value);
                return value;
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
                throw e;
            } finally {
                loading.remove(key.value(), mine);
            }
        }
    }

    private <T> T loadOnceAcrossInstances(CacheKey key, Class<T> type, Supplier<T> loader,
                                          Function<T, Set<String>> tags) {
        String holder = UUID.randomUUID().toString();
        while (true) {
            // the previous loader may have finished between our miss and now
            Optional<T> cached = recheck(key, type);
            if (cached.isPresent()) {
                return cached.get();
            }
            if (leases.tryAcquire(key.value(), holder, clock.instant(), config.loadLease())) {
                Optional<T> loadedMeanwhile = recheck(key, type);
                if (loadedMeanwhile.isPresent()) {
                    leases.release(key.value(), holder);
                    return loadedMeanwhile.get();
                }
                return loadHolding(key, holder, loader, tags);
            }
            Optional<T> theirs = awaitOtherInstance(key, type);
            if (theirs.isPresent()) {
                return theirs.get();
            }
            // their load failed, found nothing or outlived its lease: this caller loads for itself
        }
    }

    /** Loads and caches the key under the lease just taken, renewed meanwhile and released after. */
    private <T> T loadHolding(CacheKey key, String holder, Supplier<T> loader, Function<T, Set<String>> tags) {
        heldLeases.put(key.value(), holder);
        try {
            T loaded = loader.get();
            if (loaded != null) {
                put(key, loaded, tags.apply(loaded));
            }
            return loaded;
        } finally {
            heldLeases.remove(key.value(), holder);
            leases.release(key.value(), holder);
        }
    }

    private void renewHeldLeases() {
        heldLeases.forEach((key, holder) -> {
            try {
                leases.renew(key, holder, clock.instant(), config.loadLease());
            } catch (RuntimeException e) {
                LOG.debug("could not renew the cache load lease of {} (the next beat tries again): {}", key,
                        e.toString());
            }
        });
    }

    /** An instance that stops mid-load lets go of its leases, so that another loads those keys at once. */
    @PreDestroy
    void releaseHeldLeases() {
        renewals.shutdownNow();
        refreshes.shutdownNow();
        heldLeases.forEach((key, holder) -> {
            try {
                leases.release(key, holder);
            } catch (RuntimeException e) {
                LOG.debug("could not release the cache load lease of {} (it expires): {}", key, e.toString());
            }
        });
        heldLeases.clear();
    }

    /** Polls (a few times a second, no connection held between) until the value is there or the lease is gone. */
    private <T> Optional<T> awaitOtherInstance(CacheKey key, Class<T> type) {
        Duration pause = Duration.ofMillis(20);
        while (true) {
            sleep(pause);
            Optional<T> value = recheck(key, type);
            if (value.isPresent() || !leases.held(key.value(), clock.instant())) {
                return value.isPresent() ? value : recheck(key, type);
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : pause.multipliedBy(2);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another instance's cache load", e);
        }
    }

    /**
     * Removes the selection from every layer, farthest first, and tells the other instances, whose own
     * layers {@link #applyOtherInstancesInvalidations} clear within a poll.
     *
     * @return how many live entries the shared layers held (this instance's own, when it has no shared one)
     */
    @Override
    public long invalidate(CacheSelection selection) {
        long removed = 0;
        boolean counted = false;
        for (CacheLayer layer : layers.reversed()) {
            long here = layer.remove(selection);
            if (!counted) {
                removed = here;
                counted = layer.shared();
            }
        }
        invalidations.publish(selection);
        return removed;
    }

    @Override
    public List<LayerStats> stats() {
        Instant now = clock.instant();
        List<LayerStats> stats = new ArrayList<>();
        for (CacheLayer layer : layers) {
            Map<String, LayerUsage> usage = layer.usage(now);
            Set<String> namespaces = new TreeSet<>(usage.keySet());
            counters.counted().stream().filter(counted -> counted.layer().equals(layer.name()))
                    .map(CacheCounters.Counted::namespace).forEach(namespaces::add);
            for (String namespace : namespaces) {
                LayerUsage held = usage.getOrDefault(namespace, new LayerUsage(0, 0));
                stats.add(new LayerStats(namespace, layer.name(), held.entries(), held.bytes(),
                        counters.of(namespace, layer.name(), true), counters.of(namespace, layer.name(), false)));
            }
        }
        return stats;
    }

    @Override
    public List<Entry> find(String keyPrefix, int limit) {
        Instant now = clock.instant();
        Map<String, CachedValue> values = new TreeMap<>();
        Map<String, List<String>> heldBy = new TreeMap<>();
        for (CacheLayer layer : layers) {
            layer.find(keyPrefix, now, limit).forEach((key, value) -> {
                values.putIfAbsent(key, value);
                heldBy.computeIfAbsent(key, k -> new ArrayList<>()).add(layer.name());
            });
        }
        return values.entrySet().stream().limit(limit).map(e -> new Entry(e.getKey(), e.getValue().namespace(),
                e.getValue().expiresAt(), e.getValue().tags(), e.getValue().json().length(), heldBy.get(e.getKey())))
                .toList();
    }

    @Override
    public long hits(String namespace) {
        return counters.hits(namespace);
    }

    /** Clears from this instance's own layers what other instances invalidated since the last call. */
    void applyOtherInstancesInvalidations() {
        for (InvalidationFeed.Published published : invalidations.since(invalidationsSeen.get())) {
            layers.stream().filter(layer -> !layer.shared()).forEach(layer -> layer.remove(published.selection()));
            invalidationsSeen.accumulateAndGet(published.id(), Math::max);
        }
    }

    /** Deletes invalidations older than every instance's in-process entries can be. */
    void forgetOldInvalidations() {
        invalidations.forgetBefore(clock.instant().minus(InvalidationFeed.KEPT));
    }

    private <T> Optional<T> decode(CacheKey key, CachedValue cached, Class<T> type) {
        if (!holds(cached, type)) {
            LOG.debug("cache entry {} holds a {}, not a {}: treated as a miss", key, cached.type(), type.getName());
            return Optional.empty();
        }
        try {
            return Optional.of(json.read(cached.json(), type));
        } catch (IllegalStateException e) {
            // the class changed shape since the value was stored: drop it so it is loaded afresh
            LOG.warn("cache entry {} no longer reads as {}: dropped", key, type.getName());
            invalidate(key);
            return Optional.empty();
        }
    }

    private static boolean holds(CachedValue cached, Class<?> type) {
        if (cached.type().equals(type.getName())) {
            return true;
        }
        try {
            return type.isAssignableFrom(Class.forName(cached.type(), false, type.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The other caller's value (or {@link #NOTHING}); empty when its load failed. */
    private static Optional<Object> successOf(CompletableFuture<Object> running) {
        try {
            return Optional.of(running.join());
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            return Optional.empty();
        }
    }
}
