package dev.boomer.domain.photo;

import java.util.Objects;

/** A stored, normalized photo: metadata stripped, orientation applied, downscaled. */
public record Photo(ContentHash hash, String mediaType, int width, int height, long sizeBytes) {
    public Photo {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(mediaType, "mediaType");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("photo dimensions must be positive, not " + width + "x" + height);
        }
        if (sizeBytes < 1) {
            throw new IllegalArgumentException("photo size must be positive, not " + sizeBytes);
        }
    }

    public long pixels() {
        return (long) width * height;
    }
}
