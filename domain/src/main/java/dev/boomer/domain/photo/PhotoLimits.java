package dev.boomer.domain.photo;

import java.time.Duration;
import java.util.Objects;

/**
 * @param maxBytes        largest accepted upload per photo
 * @param maxPixels       largest accepted width x height, read from the header before anything is decoded
 * @param maxDecodedBytes largest accepted decoded image (pixels x bytes per pixel), also read from the header:
 *                        a small file of 16-bit RGBA pixels decodes to many times what its pixel count suggests
 * @param decodeTimeout   a photo that takes longer to decode is refused, and its decoder stopped
 * @param maxLongEdge     stored photos are downscaled so that their long edge is at most this
 */
public record PhotoLimits(long maxBytes, long maxPixels, long maxDecodedBytes, Duration decodeTimeout,
                          int maxLongEdge) {

    public static final PhotoLimits DEFAULTS = new PhotoLimits(20L * 1024 * 1024, 60_000_000L, 256L * 1024 * 1024,
            Duration.ofSeconds(10), 1568);

    public PhotoLimits {
        Objects.requireNonNull(decodeTimeout, "decodeTimeout");
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("maxBytes must be at least 1024, not " + maxBytes);
        }
        if (maxPixels < 10_000) {
            throw new IllegalArgumentException("maxPixels must be at least 10000, not " + maxPixels);
        }
        if (maxDecodedBytes < 1024) {
            throw new IllegalArgumentException("maxDecodedBytes must be at least 1024, not " + maxDecodedBytes);
        }
        if (decodeTimeout.isNegative() || decodeTimeout.isZero()) {
            throw new IllegalArgumentException("decodeTimeout must be positive, not " + decodeTimeout);
        }
        if (maxLongEdge < 64) {
            throw new IllegalArgumentException("maxLongEdge must be at least 64, not " + maxLongEdge);
        }
    }
}
