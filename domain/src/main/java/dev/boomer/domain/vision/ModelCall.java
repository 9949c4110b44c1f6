package dev.boomer.domain.vision;


import java.time.Duration;
import java.util.Objects;

/** Which model answered, and what it consumed. */
public record ModelCall(String provider, String model, Tier tier, Usage usage, Duration latency) {
    public ModelCall {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(latency, "latency");
    }
}
