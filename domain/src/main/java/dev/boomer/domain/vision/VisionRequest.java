package dev.boomer.domain.vision;

import dev.boomer.domain.item.ItemId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** All of an item's photos in one request, with what local pre-analysis already knows. */
public record VisionRequest(ItemId item, Tier tier, List<VisionImage> images, Optional<String> gtinHint) {
    public VisionRequest {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(gtinHint, "gtinHint");
        images = List.copyOf(images);
        if (images.isEmpty()) {
            throw new IllegalArgumentException("a vision request needs at least one image");
        }
    }
}
