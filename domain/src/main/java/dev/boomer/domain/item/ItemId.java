package dev.boomer.domain.item;

import java.util.Objects;
import java.util.UUID;

public record ItemId(UUID value) {
    public ItemId {
        Objects.requireNonNull(value, "value");
    }

    public static ItemId random() {
        return new ItemId(UUID.randomUUID());
    }

    public static ItemId parse(String text) {
        return new ItemId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
