package dev.boomer.adapter.ai.simulated;

import dev.boomer.domain.listing.ListingComposer;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.provider.ProviderUnavailable;
import dev.boomer.domain.vision.ModelCall;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.vision.VisionAnalysis;
import dev.boomer.domain.vision.VisionImage;
import dev.boomer.domain.vision.VisionModel;
import dev.boomer.domain.vision.VisionRequest;
import dev.boomer.domain.vision.VisionResponse;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A vision provider that needs no network and no key. It imitates Anthropic: the same model names, the
 * same image token formula ({@code ceil(width x height / 750)} per image, images already at most 1568 px
 * on the long edge), a fixed system prompt and a few hundred output tokens. Its answers depend only on
 * the photos, so the same photos always give the same analysis and the same usage.
 */
@Singleton
@Requires(property = "boomer.vision.provider", value = "simulated", defaultValue = "simulated")
class SimulatedVisionModel implements VisionModel {

    static final String PROVIDER = "simulated";
    /** Tokens of the system prompt a real call would send (schema, rules, eBay condition list). */
    static final int SYSTEM_PROMPT_TOKENS = 1_210;
    /** Tokens of the per-item instruction that accompanies the photos. */
    static final int ITEM_PROMPT_TOKENS = 42;
    static final int IMAGE_PIXELS_PER_TOKEN = 750;

    private final SimulatedVisionConfig config;
    private final SplittableRandom faults;

    SimulatedVisionModel(SimulatedVisionConfig config) {
        this.config = config;
        this.faults = new SplittableRandom(config.seed());
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public String modelFor(Tier tier) {
        return tier == Tier.FAST ? config.fastModel() : config.smartModel();
    }

    @Override
    public VisionResponse analyze(VisionRequest request) {
        double faultDraw;
        double latencyDraw;
        synchronized (faults) {
            faultDraw = faults.nextDouble();
            latencyDraw = faults.nextDouble();
        }
        if (faultDraw < config.rateLimitRate()) {
            throw new ProviderUnavailable(PROVIDER, "rate_limited", "429 rate limited (simulated)",
                    Optional.of(config.retryAfter()));
        }
        if (faultDraw < config.rateLimitRate() + config.errorRate()) {
            throw new ProviderUnavailable(PROVIDER, "overloaded", "529 overloaded (simulated)", Optional.empty());
        }
        Duration latency = latency(request.tier(), latencyDraw);
        sleep(latency);
        long seed = seedOf(request);
        Usage usage = new Usage(expectedInputTokens(request), outputTokens(seed), 0, 0, request.images().size());
        return new VisionResponse(analysis(request, seed),
                new ModelCall(PROVIDER, modelFor(request.tier()), request.tier(), usage, latency));
    }

    @Override
    public Usage worstCase(VisionRequest request) {
        return new Usage(expectedInputTokens(request), config.maxOutputTokens(), 0, 0, request.images().size());
    }

    /** What Anthropic would count as input: system prompt, per-item text, and the images. */
    static long expectedInputTokens(VisionRequest request) {
        return SYSTEM_PROMPT_TOKENS + ITEM_PROMPT_TOKENS
                + request.images().stream().mapToLong(SimulatedVisionModel::imageTokens).sum();
    }

    static long imageTokens(VisionImage image) {
        long pixels = (long) image.photo().width() * image.photo().height();
        return (pixels + IMAGE_PIXELS_PER_TOKEN - 1) / IMAGE_PIXELS_PER_TOKEN;
    }

    private static long outputTokens(long seed) {
        return 280 + Math.floorMod(seed >>> 20, 171);
    }

    private VisionAnalysis analysis(VisionRequest request, long seed) {
        Product product = Product.CATALOGUE.get((int) Math.floorMod(seed, (long) Product.CATALOGUE.size()));
        String title = ListingComposer.fitTitle(product.brand() + " " + product.model() + " "
                + capitalized(product.kind()) + " - " + product.condition().label());
        String description = product.brand() + " " + product.model() + " " + product.kind() + ", "
                + product.condition().label().toLowerCase(Locale.ROOT) + ": " + product.detail() + ". "
                + "Shown in " + request.images().size() + " photo" + (request.images().size() == 1 ? "" : "s")
                + "; what you see is what you get.";
        return new VisionAnalysis(product.brand(), product.model(), product.category(), product.condition(),
                title, description, product.brand() + " " + product.model(), request.gtinHint(),
                product.specifics(), confidence(seed, request.tier()));
    }

    /**
     * Mostly confident (0.75..0.97); about one item in twelve is unsure on FAST (0.35..0.59). SMART settles
     * three in four of those; the rest stay unsure and end in review.
     */
    static double confidence(long seed, Tier tier) {
        int bucket = (int) Math.floorMod(seed >>> 8, 100L);
        double sure = 0.75 + Math.floorMod(seed >>> 16, 23L) / 100.0;
        if (bucket >= 8) {
            return tier == Tier.SMART ? Math.min(0.97, sure + 0.02) : sure;
        }
        double unsure = 0.35 + Math.floorMod(seed >>> 24, 25L) / 100.0;
        boolean smartSettles = Math.floorMod(seed >>> 32, 4L) != 0;
        return tier == Tier.SMART && smartSettles ? 0.82 + Math.floorMod(seed >>> 40, 15L) / 100.0 : unsure;
    }

    private static long seedOf(VisionRequest request) {
        ContentHash set = ContentHash.ofSet(request.images().stream().map(i -> i.photo().hash()).toList());
        return ByteBuffer.wrap(HexFormat.of().parseHex(set.hex().substring(0, 16))).getLong();
    }

    private Duration latency(Tier tier, double draw) {
        Duration mean = tier == Tier.FAST ? config.fastLatency() : config.smartLatency();
        if (mean.isZero()) {
            return Duration.ZERO;
        }
        double factor = 1 + config.jitter() * (2 * draw - 1);
        return Duration.ofNanos((long) (mean.toNanos() * factor));
    }

    private static void sleep(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable(PROVIDER, "interrupted", "call interrupted", Optional.empty());
        }
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
