package dev.boomer.application.intake;

import dev.boomer.domain.item.Priority;
import dev.boomer.domain.photo.RawPhoto;
import dev.boomer.domain.user.UserId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Photos of one item from any door (REST, inbox folder, console), not yet validated. */
public record SubmitItemCommand(UserId owner, List<RawPhoto> photos, Priority priority, Optional<String> sku) {
    public SubmitItemCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(sku, "sku");
        photos = List.copyOf(photos);
    }
}
