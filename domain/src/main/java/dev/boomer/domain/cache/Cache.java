package dev.boomer.domain.cache;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A namespaced cache of values (records) with a time to live per namespace, set by configuration. Entries
 * may carry tags ({@link CacheTags}) by which a whole group is invalidated at once.
 */
public interface Cache {

    <T> Optional<T> get(CacheKey key, Class<T> type);

    void put(CacheKey key, Object value, Set<String> tags);

    default void put(CacheKey key, Object value) {
        put(key, value, Set.of());
    }

    /**
     * The cached value, or the loader's, which is then cached with the tags it gives. Concurrent callers
     * for one key share a single load, and only its success: when it fails, each loads for itself. A
     * loader returning null caches nothing.
     */
    <T> T getOrLoad(CacheKey key, Class<T> type, Supplier<T> loader, Function<T, Set<String>> tags);

    default <T> T getOrLoad(CacheKey key, Class<T> type, Supplier<T> loader) {
        return getOrLoad(key, type, loader, value -> Set.of());
    }

    /** Removes the selected entries from every layer, and from every instance's own layer soon after. */
    long invalidate(CacheSelection selection);

    default void invalidate(CacheKey key) {
        invalidate(CacheSelection.key(key));
    }
}
