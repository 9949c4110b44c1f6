package dev.boomer.domain.photo;

import java.util.Objects;

/** Bytes ready to store, with the photo they become. */
public record NormalizedPhoto(Photo photo, byte[] bytes) {
    public NormalizedPhoto {
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != photo.sizeBytes()) {
            throw new IllegalArgumentException("photo says " + photo.sizeBytes() + " bytes, got " + bytes.length);
        }
    }
}
