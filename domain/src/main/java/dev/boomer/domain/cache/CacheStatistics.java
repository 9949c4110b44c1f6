package dev.boomer.domain.cache;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What the cache holds and how well it serves, per namespace and layer, for the operator. */
public interface CacheStatistics {

    /**
     * One namespace in one layer.
     *
     * @param entries live entries the layer holds (every instance's, for a shared layer)
     * @param bytes   their stored size
     * @param hits    reads this layer answered, on this instance since it started
     * @param misses  reads it could not answer, on this instance since it started
     */
    record LayerStats(String namespace, String layer, long entries, long bytes, long hits, long misses) {
        public LayerStats {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(layer, "layer");
        }

        /** Hits over reads, 0 when there were none. */
        public double hitRate() {
            long reads = hits + misses;
            return reads == 0 ? 0 : (double) hits / reads;
        }
    }

    /** One live entry, and the layers that hold it. */
    record Entry(String key, String namespace, Instant expiresAt, Set<String> tags, long bytes, List<String> layers) {
        public Entry {
            Objects.requireNonNull(key, "key");
            tags = Set.copyOf(tags);
            layers = List.copyOf(layers);
        }
    }

    /** Every namespace that has entries or reads, in each layer, nearest layer first. */
    List<LayerStats> stats();

    /** The live entries whose full key ({@code namespace:id}) starts with this, at most {@code limit}, by key. */
    List<Entry> find(String keyPrefix, int limit);

    /** Reads of the namespace that some layer answered, on this instance since it started. */
    long hits(String namespace);
}
