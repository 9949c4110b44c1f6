package dev.boomer.domain.vision;

/**
 * What one model call consumed, as the provider reports it. Input tokens exclude cached ones: a call's
 * prompt is {@code inputTokens + cacheWriteTokens + cacheReadTokens}.
 */
public record Usage(long inputTokens, long outputTokens, long cacheWriteTokens, long cacheReadTokens, int images) {

    public static final Usage NONE = new Usage(0, 0, 0, 0, 0);

    public Usage {
        if (inputTokens < 0 || outputTokens < 0 || cacheWriteTokens < 0 || cacheReadTokens < 0 || images < 0) {
            throw new IllegalArgumentException("usage counts must be >= 0: in=" + inputTokens + " out="
                    + outputTokens + " cacheWrite=" + cacheWriteTokens + " cacheRead=" + cacheReadTokens
                    + " images=" + images);
        }
    }

    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                cacheWriteTokens + other.cacheWriteTokens, cacheReadTokens + other.cacheReadTokens,
                images + other.images);
    }
}
