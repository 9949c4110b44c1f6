package dev.boomer.domain.cache;

import java.util.Optional;
import java.util.function.Supplier;

/** A namespaced cache of values (records) with a time to live per namespace, set by configuration. */
public interface Cache {

    <T> Optional<T> get(CacheKey key, Class<T> type);

    void put(CacheKey key, Object value);

    /**
     * The cached value, or the loader's, which is then cached. Concurrent callers for one key share a
     * single load. A loader returning null caches nothing.
     */
    <T> T getOrLoad(CacheKey key, Class<T> type, Supplier<T> loader);

    void invalidate(CacheKey key);

    void invalidateNamespace(String namespace);
}
