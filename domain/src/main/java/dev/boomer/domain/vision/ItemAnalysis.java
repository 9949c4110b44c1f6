package dev.boomer.domain.vision;

import dev.boomer.domain.item.ItemId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The accepted vision analysis of an item, kept so that a re-run does not pay for it again.
 *
 * @param degraded why a better answer was not asked for ({@code smart_unavailable: ...}): the item then
 *                 goes to review, labelled, instead of being drafted from a weaker answer silently
 */
public record ItemAnalysis(ItemId item, VisionAnalysis analysis, ModelCall call, boolean fromCache, Instant at,
                           Optional<String> degraded) {
    public ItemAnalysis {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(degraded, "degraded");
    }

    public ItemAnalysis(ItemId item, VisionAnalysis analysis, ModelCall call, boolean fromCache, Instant at) {
        this(item, analysis, call, fromCache, at, Optional.empty());
    }

    public ItemAnalysis degraded(String why) {
        return new ItemAnalysis(item, analysis, call, fromCache, at, Optional.of(why));
    }
}
