package dev.boomer.application.processing;

import dev.boomer.domain.cache.Cache;
import dev.boomer.domain.cache.CacheKey;
import dev.boomer.domain.cache.CacheTags;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.market.MarketQuery;
import dev.boomer.domain.market.ProductMatch;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.PhotoStore;
import dev.boomer.domain.provider.ProviderUnavailable;
import dev.boomer.domain.vision.ItemAnalysis;
import dev.boomer.domain.vision.PhotoFindings;
import dev.boomer.domain.vision.PhotoInspector;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.UnusableAnswer;
import dev.boomer.domain.vision.VisionAnalysis;
import dev.boomer.domain.vision.VisionImage;
import dev.boomer.domain.vision.VisionModel;
import dev.boomer.domain.vision.VisionRequest;
import dev.boomer.domain.vision.VisionResponse;
import dev.boomer.domain.vision.VisionResult;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The vision stage. Free local checks first (barcodes, blur, darkness, near-duplicates); then the cache;
 * then the paid call with every usable photo in one request, FAST first and SMART when the FAST answer is
 * unsure or unusable, unless a barcode on the photos names the product (its market listings do) where
 * FAST was unsure. Only validated answers are cached.
 */
public final class AnalysePhotos {

    static final String CACHE_NAMESPACE = "vision";

    private final VisionModel vision;
    private final PhotoStore photos;
    private final PhotoInspector inspector;
    private final Cache cache;
    private final Spending spending;
    private final Clock clock;
    private final ProcessingSettings settings;
    private final AnalysisListener listener;

    public AnalysePhotos(VisionModel vision, PhotoStore photos, PhotoInspector inspector, Cache cache,
                         Spending spending, Clock clock, ProcessingSettings settings, AnalysisListener listener) {
        this.vision = vision;
        this.photos = photos;
        this.inspector = inspector;
        this.cache = cache;
        this.spending = spending;
        this.clock = clock;
        this.settings = settings;
        this.listener = listener;
    }

    /** The item's photos with their bytes, in upload order. */
    List<VisionImage> imagesOf(Item item) {
        return item.photos().stream().map(photo -> new VisionImage(photo, photos.get(photo.hash())
                .orElseThrow(() -> new StageStop(ItemStatus.FAILED, "photo_missing",
                        "stored photo " + photo.hash() + " is gone")))).toList();
    }

    /** How this stage pays for calls; the market stage's estimate pays the same way. */
    Spending spending() {
        return spending;
    }

    PhotoFindings inspect(List<VisionImage> images) {
        return inspector.inspect(images);
    }

    /**
     * @param barcodes what the market's listings of a barcode read from the photos say the product is: when
     *                 they name one, an unsure FAST answer is identified by them instead of asking SMART
     * @throws StageStop when no photo is usable, or no tier gave a usable answer
     */
    ItemAnalysis analyse(Run run, List<VisionImage> images, PhotoFindings findings, BarcodeLookup barcodes) {
        Item item = run.item();
        List<VisionImage> worthSending = findings.worthSending(images);
        if (worthSending.isEmpty()) {
            throw new StageStop(ItemStatus.NEEDS_REVIEW, "retake_photos",
                    findings.retakeAdvice().orElse("no photo is usable"));
        }
        Answer fast = ask(run, worthSending, findings.gtin(), Tier.FAST);
        if (fast instanceof Usable(ItemAnalysis sure) && sure.analysis().confidence() >= settings.escalateBelow()) {
            return accepted(sure);
        }
        if (fast instanceof Usable(ItemAnalysis unsure) && findings.gtin().isPresent()) {
            Optional<ProductMatch> named = barcodes.productFor(findings.gtin().get(), unsure.analysis());
            if (named.isPresent()) {
                return accepted(unsure.identifiedAs(named.get().identify(unsure.analysis()), named.get().describe()));
            }
        }
        if (spending.holdsToFast(item)) {
            return switch (fast) {
                case Usable(ItemAnalysis unsure) -> accepted(unsure); // review decides on its low confidence
                case Unusable(UnusableAnswer u) -> throw new StageStop(ItemStatus.NEEDS_REVIEW, u.problem().code(),
                        u.detail() + " (" + u.call().model() + "; past the soft limit, SMART is not asked)");
            };
        }
        Answer smart;
        try {
            smart = ask(run, worthSending, findings.gtin(), Tier.SMART);
        } catch (ProviderUnavailable paused) {
            if (fast instanceof Usable(ItemAnalysis unsure) && ProviderUnavailable.BREAKER_OPEN.equals(paused.code())) {
                // SMART is paused after repeated faults: FAST's answer goes to review, labelled, instead of waiting
                return accepted(unsure.degraded("smart_unavailable: " + paused.getMessage()));
            }
            throw paused;
        }
        return accepted(better(fast, smart));
    }

    /** SMART's answer unless FAST's was usable and surer; when neither is usable, SMART's problem ends the run. */
    private static ItemAnalysis better(Answer fast, Answer smart) {
        return switch (smart) {
            case Usable(ItemAnalysis s) when fast instanceof Usable(ItemAnalysis f)
                    && f.analysis().confidence() > s.analysis().confidence() -> f;
            case Usable(ItemAnalysis s) -> s;
            case Unusable(UnusableAnswer u) when fast instanceof Usable(ItemAnalysis f) -> f;
            case Unusable(UnusableAnswer u) -> throw new StageStop(ItemStatus.NEEDS_REVIEW, u.problem().code(),
                    u.detail() + " (" + u.call().model() + ")");
        };
    }

    private ItemAnalysis accepted(ItemAnalysis analysis) {
        listener.accepted(analysis);
        return analysis;
    }

    private sealed interface Answer permits Usable, Unusable {
    }

    private record Usable(ItemAnalysis analysis) implements Answer {
    }

    private record Unusable(UnusableAnswer answer) implements Answer {
    }

    private Answer ask(Run run, List<VisionImage> images, Optional<String> gtin, Tier tier) {
        Item item = run.item();
        VisionRequest request = new VisionRequest(item.id(), tier, images, gtin, item.priority());
        AtomicReference<VisionResult> paid = new AtomicReference<>();
        VisionResponse response = cache.getOrLoad(cacheKey(images, tier), VisionResponse.class, () -> {
            VisionResult result = paidCall(run, request);
            paid.set(result);
            return result instanceof VisionResponse usable ? usable : null; // unusable answers are never cached
        }, this::tags);
        if (response == null) {
            // Ours was unusable, or another item with the same photos shared our load and got nothing back.
            VisionResult result = paid.get() != null ? paid.get() : paidCall(run, request);
            paid.set(result);
            if (result instanceof UnusableAnswer unusable) {
                return new Unusable(unusable);
            }
            response = (VisionResponse) result;
        }
        var analysis = gtin.map(response.analysis()::withGtin).orElse(response.analysis());
        return new Usable(new ItemAnalysis(item.id(), analysis, response.call(), paid.get() == null,
                clock.instant()));
    }

    /** What a vision answer is invalidated by: the product it names, the prompt and the model that answered. */
    private Set<String> tags(VisionResponse response) {
        VisionAnalysis seen = response.analysis();
        Set<String> tags = new HashSet<>(Set.of(CacheTags.prompt(settings.promptVersion()),
                CacheTags.model(response.call().model())));
        seen.gtin().map(MarketQuery::asGtin14).map(CacheTags::gtin).ifPresent(tags::add);
        if (!seen.brand().isBlank()) {
            tags.add(CacheTags.brand(seen.brand()));
        }
        if (!seen.category().isBlank()) {
            tags.add(CacheTags.category(seen.category()));
        }
        return tags;
    }

    /** {@code vision:{hash of the photos sent}:{prompt version}:{tier}:{model}}: same photos, same answer. */
    private CacheKey cacheKey(List<VisionImage> images, Tier tier) {
        ContentHash photoSet = ContentHash.ofSet(images.stream().map(image -> image.photo().hash()).toList());
        return CacheKey.of(CACHE_NAMESPACE, photoSet.hex(), settings.promptVersion(), lower(tier),
                vision.modelFor(tier));
    }

    private VisionResult paidCall(Run run, VisionRequest request) {
        Tier tier = request.tier();
        return spending.pay(run, "vision-" + lower(tier), tier, vision.provider(), vision.modelFor(tier),
                vision.worstCase(request), () -> vision.analyze(request));
    }

    private static String lower(Tier tier) {
        return tier.name().toLowerCase(Locale.ROOT);
    }
}
