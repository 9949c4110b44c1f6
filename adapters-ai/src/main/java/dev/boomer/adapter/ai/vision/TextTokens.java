package dev.boomer.adapter.ai.vision;

/**
 * Estimates the tokens of a text before a call, for budget reservations and cache decisions. Providers do
 * not publish their tokenizers for offline use; English prose with JSON averages about 3.6 characters per
 * token across them, so three characters per token errs on the side of reserving too much.
 */
public final class TextTokens {

    private static final double CHARS_PER_TOKEN = 3.0;

    private TextTokens() {
    }

    public static long estimate(String text) {
        return (long) Math.ceil(text.length() / CHARS_PER_TOKEN);
    }
}
