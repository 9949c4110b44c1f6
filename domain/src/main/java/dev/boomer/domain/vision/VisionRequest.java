package dev.boomer.domain.vision;

import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.Priority;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * All of an item's photos in one request, with what local pre-analysis already knows, and the item's
 * priority: where a provider's permits are scarce, URGENT requests go first.
 */
public record VisionRequest(ItemId item, Tier tier, List<VisionImage> images, Optional<String> gtinHint,
                            Priority priority) {

    public VisionRequest(ItemId item, Tier tier, List<VisionImage> images, Optional<String> gtinHint) {
        this(item, tier, images, gtinHint, Priority.NORMAL);
    }

    public VisionRequest {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(gtinHint, "gtinHint");
        images = List.copyOf(images);
        if (images.isEmpty()) {
            throw new IllegalArgumentException("a vision request needs at least one image");
        }
    }
}
