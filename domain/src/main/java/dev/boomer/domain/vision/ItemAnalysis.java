package dev.boomer.domain.vision;

import dev.boomer.domain.item.ItemId;

import java.time.Instant;
import java.util.Objects;

/** The accepted vision analysis of an item, kept so that a re-run does not pay for it again. */
public record ItemAnalysis(ItemId item, VisionAnalysis analysis, ModelCall call, boolean fromCache, Instant at) {
    public ItemAnalysis {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(at, "at");
    }
}
