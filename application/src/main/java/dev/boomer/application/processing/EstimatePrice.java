package dev.boomer.application.processing;

import dev.boomer.domain.cache.Cache;
import dev.boomer.domain.cache.CacheKey;
import dev.boomer.domain.cache.CacheTags;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.market.MarketQuery;
import dev.boomer.domain.market.MarketQuote;
import dev.boomer.domain.market.PriceEstimator;
import dev.boomer.domain.market.PriceKind;
import dev.boomer.domain.market.PriceSource;
import dev.boomer.domain.market.Screening;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.VisionAnalysis;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The last resort of the market stage: the FAST model's estimate from the analysis, paid for through
 * {@link Spending} like any model call, labelled {@link PriceKind#AI_ESTIMATE}. A draft priced so always
 * goes to review. A usable estimate is cached per product, condition and model (as long as market quotes):
 * a retry of the item, or another item of the same product, does not pay for it again.
 */
final class EstimatePrice {

    static final String STEP = "estimate";
    /**
     * A namespace of their own: estimates are paid for by the item that asks, so they are never refreshed
     * in the background as stale market quotes are.
     */
    static final String CACHE_NAMESPACE = "estimate";
    static final String CACHE_SOURCE = "estimate";
    private static final String CACHE_VERSION = "v1";

    private final PriceEstimator estimator;
    private final Spending spending;
    private final Cache cache;
    private final Clock clock;
    private final ProcessingSettings settings;

    EstimatePrice(PriceEstimator estimator, Spending spending, Cache cache, Clock clock, ProcessingSettings settings) {
        this.estimator = estimator;
        this.spending = spending;
        this.cache = cache;
        this.clock = clock;
        this.settings = settings;
    }

    /** @throws StageStop to review when the estimate is unusable, or parked when the budget has no room */
    MarketQuote estimate(Run run, VisionAnalysis analysis, String noPrice) {
        MarketQuery product = MarketQuery.forItem(analysis, settings.currency());
        return cache.getOrLoad(CacheKey.of(CACHE_NAMESPACE, product.identity(), estimator.model(), CACHE_VERSION),
                MarketQuote.class, () -> paidEstimate(run, analysis, noPrice),
                quote -> withModel(QuotePrice.tags(CACHE_SOURCE, product)));
    }

    private Set<String> withModel(Set<String> tags) {
        Set<String> all = new HashSet<>(tags);
        all.add(CacheTags.model(estimator.model()));
        return all;
    }

    private MarketQuote paidEstimate(Run run, VisionAnalysis analysis, String noPrice) {
        var request = new PriceEstimator.EstimateRequest(run.item().id(), analysis, settings.currency(),
                run.item().priority());
        var answer = spending.payFor(run, STEP, Tier.FAST, estimator.provider(), estimator.model(),
                estimator.worstCase(request), () -> estimator.estimate(request), PriceEstimator.EstimateAnswer::call);
        var estimate = answer.estimate().orElseThrow(() -> new StageStop(ItemStatus.NEEDS_REVIEW, QuotePrice.NO_PRICE,
                noPrice + "; the AI estimate was unusable: " + answer.problem()));
        return new MarketQuote(PriceSource.AI_ESTIMATE, PriceKind.AI_ESTIMATE, "an estimate by " + estimator.model()
                + " for '" + analysis.searchQuery() + "'", List.of(), estimate.median(), estimate.low(),
                estimate.high(), 0, Screening.none(0), clock.instant());
    }
}
