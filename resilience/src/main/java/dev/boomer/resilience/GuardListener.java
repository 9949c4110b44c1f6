package dev.boomer.resilience;

import java.time.Duration;

/** What a guard reports as it works, for meters and logs; the composition root decides where it goes. */
public interface GuardListener {

    GuardListener NONE = new GuardListener() {
    };

    /** One call made: {@code outcome} is "ok", "rejected", "error" or the fault's code. */
    default void called(String provider, String model, String outcome, Duration latency) {
    }

    /** A call waited this long for rate-limit tokens before it was made. */
    default void waited(String provider, String model, Duration wait) {
    }

    default void tokens(String provider, String model, long input, long output) {
    }

    default void breakerChanged(String provider, String model, String from, String to) {
    }
}
