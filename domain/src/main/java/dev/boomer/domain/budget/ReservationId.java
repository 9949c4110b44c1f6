package dev.boomer.domain.budget;

import java.util.Objects;
import java.util.UUID;

public record ReservationId(UUID value) {
    public ReservationId {
        Objects.requireNonNull(value, "value");
    }

    public static ReservationId random() {
        return new ReservationId(UUID.randomUUID());
    }
}
