package dev.boomer.adapter.ai.simulated;

import dev.boomer.adapter.ai.anthropic.AnthropicTokens;
import dev.boomer.adapter.ai.vision.ImagePreparation;
import dev.boomer.adapter.ai.vision.ImageSize;
import dev.boomer.adapter.ai.vision.VisionPrompt;
import dev.boomer.domain.listing.ListingComposer;
import dev.boomer.domain.market.PriceEstimator;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.provider.ProviderUnavailable;
import dev.boomer.domain.vision.ModelCall;
import dev.boomer.domain.vision.OutputProblem;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.UnusableAnswer;
import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.vision.VisionAnalysis;
import dev.boomer.domain.vision.VisionModel;
import dev.boomer.domain.vision.VisionRequest;
import dev.boomer.domain.vision.VisionResponse;
import dev.boomer.domain.vision.VisionResult;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A vision provider that needs no network and no key. It imitates Anthropic: the same model names and
 * prices, the same token counting ({@link AnthropicTokens}: images fitted to 1.15 MP, {@code w x h / 750}
 * tokens each, the tool and system prompt as a prefix), and the same prompt caching (the prefix is written
 * on the first call and read for five minutes after the last one, for models that cache a prefix that
 * short). Its answers depend only on the photos, so the same photos always give the same analysis: a
 * barcode it knows names that product (the demo samples carry theirs), other photos get a plain unbranded
 * item, never a branded product they do not show.
 */
public final class SimulatedVisionModel implements VisionModel, PriceEstimator {

    public static final String PROVIDER = "simulated";
    static final Duration CACHE_TTL = Duration.ofMinutes(5);
    /** Tokens a simulated answer of the schema takes, before the per-item variation. */
    private static final long BASE_OUTPUT_TOKENS = 280;
    /** The most a simulated estimate answers with. */
    static final int ESTIMATE_OUTPUT_TOKENS = 200;

    private final SimulatedVisionConfig config;
    private final String fastModel;
    private final String smartModel;
    private final Clock clock;
    private final SplittableRandom draws;
    private final Map<String, Instant> cacheWarmUntil = new ConcurrentHashMap<>();

    SimulatedVisionModel(SimulatedVisionConfig config, String fastModel, String smartModel, Clock clock) {
        this.config = config;
        this.fastModel = fastModel;
        this.smartModel = smartModel;
        this.clock = clock;
        this.draws = new SplittableRandom(config.seed());
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public String modelFor(Tier tier) {
        return tier == Tier.FAST ? fastModel : smartModel;
    }

    @Override
    public VisionResult analyze(VisionRequest request) {
        failIfInOutage();
        double faultDraw;
        double slowDraw;
        double latencyDraw;
        synchronized (draws) {
            faultDraw = draws.nextDouble();
            slowDraw = draws.nextDouble();
            latencyDraw = draws.nextGaussian();
        }
        if (faultDraw < config.rateLimitRate()) {
            throw new ProviderUnavailable(PROVIDER, "rate_limited", "429 rate_limit_error (simulated)",
                    Optional.of(config.retryAfter()));
        }
        if (faultDraw < config.rateLimitRate() + config.errorRate()) {
            throw new ProviderUnavailable(PROVIDER, "overloaded", "529 overloaded_error (simulated)",
                    Optional.empty());
        }
        Duration latency = slowDraw < config.slowRate() ? config.slowLatency() : latency(request.tier(), latencyDraw);
        Usage sent = new Usage(AnthropicTokens.input(sizes(request), itemText(request)), 0, 0, 0,
                request.images().size());
        sleep(latency, sent);
        if (faultDraw < config.rateLimitRate() + config.errorRate() + config.lostRate()) {
            throw ProviderUnavailable.afterSending(PROVIDER, "timeout",
                    "no answer within the request timeout (simulated)", sent);
        }
        String model = modelFor(request.tier());
        long seed = seedOf(request);
        boolean malformed = faultDraw >= 1 - config.malformedRate();
        Usage usage = usage(model, request, outputTokens(seed));
        if (malformed) {
            // The answer was not JSON and neither was the one repair: both calls are paid for.
            Usage repair = usage(model, null, outputTokens(seed));
            ModelCall call = new ModelCall(PROVIDER, model, request.tier(), usage.plus(repair), latency);
            return new UnusableAnswer(OutputProblem.INVALID_JSON,
                    "still not JSON after one repair (simulated)", call);
        }
        return new VisionResponse(analysis(request, seed),
                new ModelCall(PROVIDER, model, request.tier(), usage, latency));
    }

    /** As for a real provider: the call and the one repair it may need, the prefix billed as a cache write. */
    @Override
    public Usage worstCase(VisionRequest request) {
        String model = modelFor(request.tier());
        long input = AnthropicTokens.input(sizes(request), itemText(request))
                + AnthropicTokens.input(List.of(), VisionPrompt.repairText("", "")) + config.maxOutputTokens();
        long written = AnthropicTokens.cachesPrefix(model) ? AnthropicTokens.cacheablePrefix() : 0;
        return new Usage(input - written, 2L * config.maxOutputTokens(), written, 0, request.images().size());
    }

    /** What Anthropic would report; a null request is the text-only repair call. */
    private Usage usage(String model, VisionRequest request, long outputTokens) {
        List<ImageSize> images = request == null ? List.of() : sizes(request);
        long input = AnthropicTokens.input(images, request == null
                ? VisionPrompt.repairText("(the broken answer)", "simulated") : itemText(request));
        if (!AnthropicTokens.cachesPrefix(model)) {
            return new Usage(input, outputTokens, 0, 0, images.size());
        }
        long prefix = AnthropicTokens.cacheablePrefix();
        Instant now = clock.instant();
        Instant warmUntil = cacheWarmUntil.put(model, now.plus(CACHE_TTL));
        boolean warm = warmUntil != null && now.isBefore(warmUntil);
        return new Usage(input - prefix, outputTokens, warm ? 0 : prefix, warm ? prefix : 0, images.size());
    }

    private static List<ImageSize> sizes(VisionRequest request) {
        return ImagePreparation.sizes(request.images(), AnthropicTokens.IMAGE_BUDGET);
    }

    private static String itemText(VisionRequest request) {
        return VisionPrompt.itemText(Math.min(request.images().size(), AnthropicTokens.IMAGE_BUDGET.maxImages()),
                request.gtinHint());
    }

    private void failIfInOutage() {
        if (config.outageEvery().isZero()) {
            return;
        }
        long every = config.outageEvery().toMillis();
        long into = Math.floorMod(clock.millis(), every);
        if (into < config.outageLength().toMillis()) {
            throw new ProviderUnavailable(PROVIDER, "server_error", "503 outage (simulated)",
                    Optional.of(Duration.ofMillis(config.outageLength().toMillis() - into)));
        }
    }

    private static long outputTokens(long seed) {
        return BASE_OUTPUT_TOKENS + Math.floorMod(seed >>> 20, 171);
    }
    /**
     * What the photos show: the catalogue product whose GTIN was read from them, else one of the generic
     * unbranded items, picked by the photos so that the same photos always get the same one.
     */
    private VisionAnalysis analysis(VisionRequest request, long seed) {
        Optional<Product> known = request.gtinHint().flatMap(Product::withGtin);
        Product product = known.orElseGet(() -> Product.GENERIC.get(
                (int) Math.floorMod(seed, (long) Product.GENERIC.size())));
        double confidence = known.isPresent() ? recognised(seed, request.tier()) : confidence(seed, request.tier());
        int photos = request.images().size();
        String description = product.title() + ". " + product.condition().label() + ": " + product.detail() + ". "
                + "Shown in " + photos + " photo" + (photos == 1 ? "" : "s") + ".";
        return new VisionAnalysis(product.brand(), product.model(), product.category(), product.condition(),
                ListingComposer.fitTitle(product.title()), description, product.search(), request.gtinHint(),
                product.specifics(), confidence, fieldConfidence(confidence));
    }

    /** A product known by its barcode is named with confidence (0.88..0.97). */
    static double recognised(long seed, Tier tier) {
        double sure = 0.88 + Math.floorMod(seed >>> 16, 10L) / 100.0;
        return tier == Tier.SMART ? Math.min(0.97, sure + 0.01) : sure;
    }

    /** The model number is the hardest field to be sure of; it sets the item's confidence. */
    private static Map<String, Double> fieldConfidence(double overall) {
        double easier = Math.min(1.0, overall + 0.05);
        return Map.of("brand", easier, "model", overall, "category", easier, "condition", easier, "title", easier);
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

    /** Log-normal around the tier's median, as service latencies are: most near it, a long slow tail. */
    private Duration latency(Tier tier, double gaussian) {
        Duration median = tier == Tier.FAST ? config.fastLatency() : config.smartLatency();
        if (median.isZero()) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) (median.toNanos() * Math.exp(config.latencySigma() * gaussian)));
    }

    /** A call interrupted while it waits for its answer was sent: it may be billed like any other. */
    private static void sleep(Duration latency, Usage sent) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderUnavailable.afterSending(PROVIDER, "interrupted", "call interrupted", sent);
        }
    }

    // ---- PriceEstimator: a deterministic guess for the last resort ----

    @Override
    public String model() {
        return fastModel;
    }

    /** The estimate prompt as Anthropic would count it, and at most {@link #ESTIMATE_OUTPUT_TOKENS} back. */
    @Override
    public Usage worstCase(PriceEstimator.EstimateRequest request) {
        return new Usage(AnthropicTokens.input(List.of(), estimateText(request)), ESTIMATE_OUTPUT_TOKENS, 0, 0, 0);
    }

    /**
     * A plausible range from the item's search words alone (the same words, the same range): the simulated
     * model knows no market, so its estimate is as rough as a real model's, and always labelled as one.
     */
    @Override
    public PriceEstimator.EstimateAnswer estimate(PriceEstimator.EstimateRequest request) {
        failIfInOutage();
        long seed = request.analysis().searchQuery().toLowerCase(Locale.ROOT).hashCode();
        BigDecimal median = BigDecimal.valueOf(12 + Math.floorMod(seed, 60L)).add(new BigDecimal("0.99"));
        Money low = new Money(median.multiply(new BigDecimal("0.75"))
                .setScale(2, RoundingMode.HALF_UP), request.currency());
        Money high = new Money(median.multiply(new BigDecimal("1.3"))
                .setScale(2, RoundingMode.HALF_UP), request.currency());
        Usage usage = new Usage(AnthropicTokens.input(List.of(), estimateText(request)), 60, 0, 0, 0);
        return PriceEstimator.EstimateAnswer.of(new PriceEstimator.PriceEstimate(low,
                new Money(median, request.currency()), high),
                new ModelCall(PROVIDER, fastModel, Tier.FAST, usage, Duration.ZERO));
    }

    private static String estimateText(PriceEstimator.EstimateRequest request) {
        VisionAnalysis item = request.analysis();
        return "Estimate a fair asking price in " + request.currency().getCurrencyCode() + " (low, median, high) for: "
                + item.title() + "; brand " + item.brand() + ", model " + item.model() + ", condition "
                + item.condition().label() + ", category " + item.category() + ".";
    }
}
