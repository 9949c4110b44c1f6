package dev.boomer.adapter.ai.anthropic;

import dev.boomer.adapter.ai.vision.ImageBudget;
import dev.boomer.adapter.ai.vision.ImageSize;
import dev.boomer.adapter.ai.vision.TextTokens;
import dev.boomer.adapter.ai.vision.VisionPrompt;

import java.util.List;

/**
 * How Anthropic counts a request, from its published rules: an image costs {@code width x height / 750}
 * tokens and is scaled down past a long edge of 1568 px or about 1.15 megapixels, so that is the size we
 * send; forcing a tool adds a fixed tool-use system prompt; and a prompt prefix is only cached from a
 * minimum length that depends on the model.
 */
public final class AnthropicTokens {

    public static final ImageBudget IMAGE_BUDGET = new ImageBudget(1568, 1_150_000, 100);
    /** Tokens Anthropic adds when {@code tool_choice} forces a tool (Claude 4.x, 3.7). */
    static final long FORCED_TOOL_SYSTEM_TOKENS = 346;
    private static final long PIXELS_PER_TOKEN = 750;
    private static final long MESSAGE_OVERHEAD_TOKENS = 10;

    private AnthropicTokens() {
    }

    public static long image(ImageSize size) {
        return (size.pixels() + PIXELS_PER_TOKEN - 1) / PIXELS_PER_TOKEN;
    }

    private static final long CACHEABLE_PREFIX = FORCED_TOOL_SYSTEM_TOKENS + VisionPrompt.sharedPrefixTokens();

    /** The part of every request that is identical from item to item: tool definition and system prompt. */
    public static long cacheablePrefix() {
        return CACHEABLE_PREFIX;
    }

    public static long input(List<ImageSize> images, String itemText) {
        return cacheablePrefix() + MESSAGE_OVERHEAD_TOKENS + TextTokens.estimate(itemText)
                + images.stream().mapToLong(AnthropicTokens::image).sum();
    }

    /**
     * The shortest prefix Anthropic caches for a model: 4,096 tokens for Opus 4.5 and Haiku 4.5, 2,048 for
     * the Haiku 3 models, 1,024 for the rest. A shorter prefix marked for caching is simply not cached.
     */
    public static long minimumCacheablePrefix(String model) {
        if (model.startsWith("claude-haiku-4-5") || model.startsWith("claude-opus-4-5")) {
            return 4_096;
        }
        if (model.startsWith("claude-3-5-haiku") || model.startsWith("claude-3-haiku")) {
            return 2_048;
        }
        return 1_024;
    }

    /** Whether marking the system prompt for caching can pay off for this model. */
    public static boolean cachesPrefix(String model) {
        return cacheablePrefix() >= minimumCacheablePrefix(model);
    }
}
