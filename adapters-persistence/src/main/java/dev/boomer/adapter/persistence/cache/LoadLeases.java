package dev.boomer.adapter.persistence.cache;

import java.time.Duration;
import java.time.Instant;

/** Who loads a cache key right now, across every instance: one holder per key until it lets go or expires. */
interface LoadLeases {

    /** Takes the key's lease unless another holder has a live one. */
    boolean tryAcquire(String key, String holder, Instant now, Duration ttl);

    /** Whether anyone holds a live lease on the key. */
    boolean held(String key, Instant now);

    /** Extends the holder's lease while its load runs; false when it is no longer the holder's. */
    boolean renew(String key, String holder, Instant now, Duration ttl);

    void release(String key, String holder);
}
