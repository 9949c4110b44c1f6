package dev.boomer.adapter.persistence.cache;

import dev.boomer.domain.cache.CacheSelection;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.Optional;

/**
 * One level of the tiered cache. Layers are asked nearest first (in-process, then shared ones); a hit in
 * a farther layer is copied into the nearer ones. A Redis layer slots in between by its order.
 */
interface CacheLayer {

    /** A value that is still live at {@code now}; expired values are never returned. */
    Optional<CachedValue> get(String key, Instant now);

    void put(String key, CachedValue value);

    /** Removes the selected entries; how many it held (as far as this layer can tell). */
    long remove(CacheSelection selection);

    /** Whether other instances read this layer too: only a layer of this JVM alone needs telling of theirs. */
    boolean shared();

    /** Its name on the Cache page and in the meters: {@code l1}, {@code redis}, {@code postgres}. */
    String name();

    /** Live entries and their size, per namespace. */
    Map<String, LayerUsage> usage(Instant now);

    /** Live entries whose key starts with the prefix, at most {@code limit}, by key. */
    SortedMap<String, CachedValue> find(String keyPrefix, Instant now, int limit);
}
