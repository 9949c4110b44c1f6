package dev.boomer.domain.vision;

import dev.boomer.domain.photo.Photo;

import java.util.Objects;

/** A stored photo with its bytes, as sent to a vision model. */
public record VisionImage(Photo photo, byte[] bytes) {
    public VisionImage {
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(bytes, "bytes");
    }
}
