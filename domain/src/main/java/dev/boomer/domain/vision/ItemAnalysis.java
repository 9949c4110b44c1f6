package dev.boomer.domain.vision;

import dev.boomer.domain.item.ItemId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The accepted vision analysis of an item, kept so that a re-run does not pay for it again.
 *
 * @param degraded     why a better answer was not asked for ({@code smart_unavailable: ...}): the item
 *                     then goes to review, labelled, instead of being drafted from a weaker answer silently
 * @param identifiedBy what named the product instead of a stronger model: a barcode from the photos that
 *                     the market's listings know ("barcode ... found in 12 EBAY listings ...")
 */
public record ItemAnalysis(ItemId item, VisionAnalysis analysis, ModelCall call, boolean fromCache, Instant at,
                           Optional<String> degraded, Optional<String> identifiedBy) {
    public ItemAnalysis {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(degraded, "degraded");
        identifiedBy = identifiedBy == null ? Optional.empty() : identifiedBy;
    }

    public ItemAnalysis(ItemId item, VisionAnalysis analysis, ModelCall call, boolean fromCache, Instant at) {
        this(item, analysis, call, fromCache, at, Optional.empty(), Optional.empty());
    }

    public ItemAnalysis degraded(String why) {
        return new ItemAnalysis(item, analysis, call, fromCache, at, Optional.of(why), identifiedBy);
    }

    /** The analysis as something other than the model named the product (the listings of its barcode), and how. */
    public ItemAnalysis identifiedAs(VisionAnalysis identified, String how) {
        return new ItemAnalysis(item, identified, call, fromCache, at, degraded, Optional.of(how));
    }
}
