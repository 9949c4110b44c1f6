package dev.boomer.application.processing;

import dev.boomer.domain.cache.Cache;
import dev.boomer.domain.cache.CacheKey;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.market.MarketData;
import dev.boomer.domain.market.MarketQuery;
import dev.boomer.domain.market.MarketQuote;
import dev.boomer.domain.provider.ProviderRejected;
import dev.boomer.domain.provider.ProviderUnavailable;
import dev.boomer.domain.vision.VisionAnalysis;

import java.util.List;
import java.util.Optional;

/**
 * The market stage: each source in order (eBay, our history, an AI estimate ...), by GTIN and then by
 * words, cached per source and query; a source that is down or refuses us is skipped, so a price degrades to the next source instead of
 * failing. An outage of every source is waited out; refusals alone leave the item to review.
 */
final class QuotePrice {

    static final String CACHE_NAMESPACE = "market";
    /** v2: quotes carry their kind, query, screening and shipping. */
    static final String CACHE_VERSION = "v2";

    private final List<MarketData> sources;
    private final Cache cache;
    private final ProcessingSettings settings;

    QuotePrice(List<MarketData> sources, Cache cache, ProcessingSettings settings) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("at least one market data source is needed");
        }
        this.sources = List.copyOf(sources);
        this.cache = cache;
        this.settings = settings;
    }

    MarketQuote quote(VisionAnalysis analysis) {
        MarketQuery query = new MarketQuery(analysis.gtin(), analysis.searchQuery(), analysis.condition(),
                settings.currency());
        Optional<ProviderUnavailable> lastOutage = Optional.empty();
        Optional<ProviderRejected> lastRefusal = Optional.empty();
        for (MarketData source : sources) {
            for (MarketQuery asked : gtinFirst(query)) {
                try {
                    MarketQuote quote = cache.getOrLoad(CacheKey.of(CACHE_NAMESPACE, source.name(), asked.identity(),
                            CACHE_VERSION), MarketQuote.class, () -> source.quote(asked).orElse(null));
                    if (quote != null) {
                        return quote;
                    }
                } catch (ProviderUnavailable outage) {
                    lastOutage = Optional.of(outage);
                    break;
                } catch (ProviderRejected refusal) {
                    // a source that refuses us (a revoked key, a query it cannot take) must not stop the next one
                    lastRefusal = Optional.of(refusal);
                    break;
                }
            }
        }
        if (lastOutage.isPresent()) {
            throw lastOutage.get();
        }
        String refused = lastRefusal.map(refusal -> " (" + refusal.getMessage() + ")").orElse("");
        throw new StageStop(ItemStatus.NEEDS_REVIEW, "no_price",
                "no market source has a price for '" + query.query() + "'" + refused);
    }

    /**
     * A GTIN finds the very product, so it is asked first; a source that does not know it is asked again by
     * the words (each is a call of its own, counted against the source's limits, and cached on its own).
     */
    private static List<MarketQuery> gtinFirst(MarketQuery query) {
        return query.gtin().isEmpty() ? List.of(query) : List.of(query, query.byWordsOnly());
    }
}
