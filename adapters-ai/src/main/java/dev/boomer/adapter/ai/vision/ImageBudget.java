package dev.boomer.adapter.ai.vision;

/**
 * How a provider wants images: the size past which it would scale them down itself (so sending more only
 * costs upload time, or tokens), and how many images one request may carry.
 */
public record ImageBudget(int maxLongEdge, long maxPixels, int maxImages) {
    public ImageBudget {
        if (maxLongEdge < 64 || maxPixels < 4096 || maxImages < 1) {
            throw new IllegalArgumentException("implausible image budget " + maxLongEdge + "/" + maxPixels + "/"
                    + maxImages);
        }
    }
}
