package dev.boomer.application.cache;

import dev.boomer.domain.cache.CacheStatistics;
import dev.boomer.domain.cost.PriceTable;
import dev.boomer.domain.cost.UnknownModelPrice;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.vision.AnalysisRepository;
import dev.boomer.domain.vision.Usage;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the cache holds and what it saved: per namespace and layer its entries, size, hits and misses; the
 * dollars vision hits saved (each what its answer cost when it was paid for, at today's prices); the market
 * and category calls its hits spared.
 */
public final class CacheReport {

    static final String VISION = "vision";
    static final String MARKET = "market";
    static final String TAXONOMY = "taxonomy";

    /**
     * @param visionSaved         what the analyses answered from the cache would have cost (every instance's)
     * @param marketCallsSpared   market lookups answered from the cache, on this instance since it started
     * @param taxonomyCallsSpared category lookups answered from the cache, likewise
     */
    public record Report(List<CacheStatistics.LayerStats> layers, Money visionSaved, long marketCallsSpared,
                         long taxonomyCallsSpared) {
        public Report {
            layers = List.copyOf(layers);
            Objects.requireNonNull(visionSaved, "visionSaved");
        }
    }

    private final CacheStatistics statistics;
    private final AnalysisRepository analyses;
    private final PriceTable prices;

    public CacheReport(CacheStatistics statistics, AnalysisRepository analyses, PriceTable prices) {
        this.statistics = statistics;
        this.analyses = analyses;
        this.prices = prices;
    }

    public Report report() {
        Money saved = Money.usd("0");
        for (Map.Entry<String, Usage> used : analyses.usageServedFromCache().entrySet()) {
            try {
                saved = saved.plus(prices.costOf(used.getKey(), used.getValue()));
            } catch (UnknownModelPrice retired) {
                // a model no longer in the price table: what it saved is not known to the cent, so not counted
            }
        }
        return new Report(statistics.stats(), saved, statistics.hits(MARKET), statistics.hits(TAXONOMY));
    }
}
