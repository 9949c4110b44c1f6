package dev.boomer.application.processing;

import dev.boomer.domain.budget.Budgets;
import dev.boomer.domain.budget.Reservation;
import dev.boomer.domain.cache.Cache;
import dev.boomer.domain.cache.CacheKey;
import dev.boomer.domain.cost.CostEntry;
import dev.boomer.domain.cost.CostKey;
import dev.boomer.domain.cost.CostLedger;
import dev.boomer.domain.cost.PriceTable;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.Photo;
import dev.boomer.domain.photo.PhotoStore;
import dev.boomer.domain.vision.ItemAnalysis;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.VisionImage;
import dev.boomer.domain.vision.VisionModel;
import dev.boomer.domain.vision.VisionRequest;
import dev.boomer.domain.vision.VisionResponse;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The vision stage: cache, then budget reservation, then the paid call, FAST first and SMART when the
 * FAST answer is unsure. Every paid call is priced from its reported usage and recorded once per key.
 */
final class AnalysePhotos {

    static final String CACHE_NAMESPACE = "vision";

    private final VisionModel vision;
    private final PhotoStore photos;
    private final Cache cache;
    private final Budgets budgets;
    private final CostLedger ledger;
    private final PriceTable prices;
    private final Clock clock;
    private final ProcessingSettings settings;

    AnalysePhotos(VisionModel vision, PhotoStore photos, Cache cache, Budgets budgets, CostLedger ledger,
                  PriceTable prices, Clock clock, ProcessingSettings settings) {
        this.vision = vision;
        this.photos = photos;
        this.cache = cache;
        this.budgets = budgets;
        this.ledger = ledger;
        this.prices = prices;
        this.clock = clock;
        this.settings = settings;
    }

    ItemAnalysis analyse(Item item) {
        List<VisionImage> images = loadImages(item);
        ItemAnalysis fast = ask(item, images, Tier.FAST);
        if (fast.analysis().confidence() >= settings.escalateBelow()) {
            return fast;
        }
        ItemAnalysis smart = ask(item, images, Tier.SMART);
        return smart.analysis().confidence() >= fast.analysis().confidence() ? smart : fast;
    }

    private List<VisionImage> loadImages(Item item) {
        return item.photos().stream().map(photo -> new VisionImage(photo, photos.get(photo.hash())
                .orElseThrow(() -> new StageStop(ItemStatus.FAILED, "photo_missing",
                        "stored photo " + photo.hash() + " is gone")))).toList();
    }

    private ItemAnalysis ask(Item item, List<VisionImage> images, Tier tier) {
        VisionRequest request = new VisionRequest(item.id(), tier, images, Optional.empty());
        AtomicBoolean paid = new AtomicBoolean();
        VisionResponse response = cache.getOrLoad(cacheKey(item, tier), VisionResponse.class, () -> {
            paid.set(true);
            return paidCall(item, request);
        });
        return new ItemAnalysis(item.id(), response.analysis(), response.call(), !paid.get(), clock.instant());
    }

    /** {@code vision:{hash of the photo set}:{prompt version}:{tier}:{model}}: same photos, same answer. */
    private CacheKey cacheKey(Item item, Tier tier) {
        ContentHash photoSet = ContentHash.ofSet(item.photos().stream().map(Photo::hash).toList());
        return CacheKey.of(CACHE_NAMESPACE, photoSet.hex(), settings.promptVersion(), lower(tier),
                vision.modelFor(tier));
    }

    private VisionResponse paidCall(Item item, VisionRequest request) {
        Tier tier = request.tier();
        CostKey key = new CostKey(item.id(), "vision-" + lower(tier), item.attempt());
        Money worstCase = prices.costOf(vision.modelFor(tier), vision.worstCase(request));
        return switch (budgets.reserve(item.owner(), key, worstCase)) {
            case Reservation.Refused refused -> throw new StageStop(ItemStatus.PARKED, "over_budget",
                    "this call may cost up to " + refused.requested() + " and " + refused.committed()
                            + " of the " + refused.limit() + " limit is spent or reserved");
            case Reservation.Granted granted -> {
                try {
                    VisionResponse response = vision.analyze(request);
                    Money cost = prices.costOf(response.call().model(), response.call().usage());
                    ledger.record(new CostEntry(key, item.owner(), vision.provider(), response.call().model(),
                            tier, response.call().usage(), cost, clock.instant()));
                    budgets.settle(granted.id(), cost);
                    yield response;
                } catch (RuntimeException e) {
                    budgets.release(granted.id());
                    throw e;
                }
            }
        };
    }

    private static String lower(Tier tier) {
        return tier.name().toLowerCase(Locale.ROOT);
    }
}
