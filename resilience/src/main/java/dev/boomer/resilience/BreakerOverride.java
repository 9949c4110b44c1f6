package dev.boomer.resilience;

import java.util.Objects;

/**
 * An operator holds a provider model's breaker open (no calls, whatever the provider does) or closed (calls
 * go through, faults or not) until released.
 */
public record BreakerOverride(String provider, String model, Held held) {

    public enum Held { OPEN, CLOSED }

    public BreakerOverride {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(held, "held");
    }
}
