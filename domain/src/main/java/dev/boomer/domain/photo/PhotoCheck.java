package dev.boomer.domain.photo;

/** The outcome of validating and normalizing one photo. */
public sealed interface PhotoCheck {

    record Accepted(NormalizedPhoto photo) implements PhotoCheck {
    }

    record Rejected(PhotoRejection rejection) implements PhotoCheck {
    }
}
