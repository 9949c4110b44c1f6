package dev.boomer.domain.photo;

/**
 * @param maxBytes    largest accepted upload per photo
 * @param maxPixels   largest accepted width x height, read from the header before anything is decoded
 * @param maxLongEdge stored photos are downscaled so that their long edge is at most this
 */
public record PhotoLimits(long maxBytes, long maxPixels, int maxLongEdge) {

    public static final PhotoLimits DEFAULTS = new PhotoLimits(20L * 1024 * 1024, 60_000_000L, 1568);

    public PhotoLimits {
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("maxBytes must be at least 1024, not " + maxBytes);
        }
        if (maxPixels < 10_000) {
            throw new IllegalArgumentException("maxPixels must be at least 10000, not " + maxPixels);
        }
        if (maxLongEdge < 64) {
            throw new IllegalArgumentException("maxLongEdge must be at least 64, not " + maxLongEdge);
        }
    }
}
