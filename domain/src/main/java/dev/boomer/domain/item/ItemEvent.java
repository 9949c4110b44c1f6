package dev.boomer.domain.item;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One change of an item's state, as its history shows it: when, to what, why, and which instance made it. */
public record ItemEvent(Instant at, ItemStatus status, Optional<String> reason, String instance) {
    public ItemEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(instance, "instance");
    }
}
