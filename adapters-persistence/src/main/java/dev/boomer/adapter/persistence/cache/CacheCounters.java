package dev.boomer.adapter.persistence.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Reads per namespace and layer, answered or not, on this instance since it started. */
final class CacheCounters {

    record Counted(String namespace, String layer, boolean hit) {
    }

    private final Map<Counted, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String namespace, String layer, boolean hit) {
        counts.computeIfAbsent(new Counted(namespace, layer, hit), counted -> new LongAdder()).increment();
    }

    long of(String namespace, String layer, boolean hit) {
        LongAdder count = counts.get(new Counted(namespace, layer, hit));
        return count == null ? 0 : count.sum();
    }

    long hits(String namespace) {
        return counts.entrySet().stream().filter(e -> e.getKey().hit() && e.getKey().namespace().equals(namespace))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    java.util.Set<Counted> counted() {
        return counts.keySet();
    }
}
