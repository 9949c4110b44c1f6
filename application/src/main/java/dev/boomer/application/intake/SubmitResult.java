package dev.boomer.application.intake;

import dev.boomer.domain.item.Item;
import dev.boomer.domain.photo.PhotoRejection;

/** An item was accepted and queued, or the submission was refused and nothing was stored. */
public sealed interface SubmitResult {

    record Accepted(Item item) implements SubmitResult {
    }

    record Rejected(PhotoRejection rejection) implements SubmitResult {
    }
}
