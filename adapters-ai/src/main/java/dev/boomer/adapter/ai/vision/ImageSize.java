package dev.boomer.adapter.ai.vision;

/** The pixel size of an image as a provider receives it, which is what its token formula counts. */
public record ImageSize(int width, int height) {
    public ImageSize {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive, not " + width + "x" + height);
        }
    }

    public long pixels() {
        return (long) width * height;
    }

    public int longEdge() {
        return Math.max(width, height);
    }
}
