package dev.boomer.adapter.ai.openai;

import dev.boomer.adapter.ai.vision.ImageBudget;
import dev.boomer.adapter.ai.vision.ImageSize;
import dev.boomer.adapter.ai.vision.TextTokens;
import dev.boomer.adapter.ai.vision.VisionPrompt;

import java.util.List;

/**
 * How OpenAI counts high-detail images, from its published rules. Newer small models count 32 px patches
 * (at most 1,536) times a per-model multiplier; the others scale the image into 2048 px, then its short
 * side to 768 px, and count 512 px tiles at a per-model price plus a base. We send 1024 px on the long
 * edge and 768 on the short: past that the tile models scale down anyway.
 */
public final class OpenAiTokens {

    public static final ImageBudget IMAGE_BUDGET = new ImageBudget(1024, 1024L * 768, 500);
    private static final int PATCH = 32;
    private static final int MAX_PATCHES = 1536;
    private static final int TILE = 512;
    private static final long MESSAGE_OVERHEAD_TOKENS = 12;

    private OpenAiTokens() {
    }

    /** Patch-counted models and their multipliers; every other model is tile-counted. */
    private record PatchModel(String prefix, double multiplier) {
    }

    private static final List<PatchModel> PATCH_MODELS = List.of(
            new PatchModel("gpt-5-mini", 1.62), new PatchModel("gpt-5-nano", 2.46),
            new PatchModel("gpt-4.1-mini", 1.62), new PatchModel("gpt-4.1-nano", 2.46),
            new PatchModel("o4-mini", 1.72));

    /** Base and per-tile tokens of tile-counted models. */
    private record TileModel(String prefix, long base, long perTile) {
    }

    private static final List<TileModel> TILE_MODELS = List.of(
            new TileModel("gpt-4o-mini", 2833, 5667), new TileModel("gpt-5", 70, 140),
            new TileModel("o1", 75, 150), new TileModel("o3", 75, 150), new TileModel("gpt-4", 85, 170));

    public static long image(String model, ImageSize size) {
        for (PatchModel patchModel : PATCH_MODELS) {
            if (model.startsWith(patchModel.prefix())) {
                return (long) Math.ceil(patches(size) * patchModel.multiplier());
            }
        }
        TileModel tiles = TILE_MODELS.stream().filter(t -> model.startsWith(t.prefix())).findFirst()
                .orElse(TILE_MODELS.getLast());
        return tiles.base() + tiles.perTile() * tiles(size);
    }

    static long patches(ImageSize size) {
        long patches = ceilDiv(size.width(), PATCH) * ceilDiv(size.height(), PATCH);
        return Math.min(patches, MAX_PATCHES);
    }

    static long tiles(ImageSize size) {
        double w = size.width();
        double h = size.height();
        double fit = Math.min(1.0, 2048.0 / Math.max(w, h));
        w *= fit;
        h *= fit;
        double shortSide = Math.min(1.0, 768.0 / Math.min(w, h));
        w *= shortSide;
        h *= shortSide;
        return ceilDiv((long) Math.ceil(w), TILE) * ceilDiv((long) Math.ceil(h), TILE);
    }

    public static long input(String model, List<ImageSize> images, String itemText) {
        return VisionPrompt.sharedPrefixTokens() + TextTokens.estimate(itemText) + MESSAGE_OVERHEAD_TOKENS
                + images.stream().mapToLong(size -> image(model, size)).sum();
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
