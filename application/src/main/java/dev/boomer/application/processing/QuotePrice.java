package dev.boomer.application.processing;

import dev.boomer.domain.cache.Cache;
import dev.boomer.domain.cache.CacheKey;
import dev.boomer.domain.cache.CacheTags;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.market.MarketData;
import dev.boomer.domain.market.MarketQuery;
import dev.boomer.domain.market.MarketQuote;
import dev.boomer.domain.market.PriceHistory;
import dev.boomer.domain.market.PriceKind;
import dev.boomer.domain.market.ProductMatch;
import dev.boomer.domain.provider.ProviderRejected;
import dev.boomer.domain.provider.ProviderUnavailable;
import dev.boomer.domain.vision.VisionAnalysis;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The market stage: each source in order (eBay, our history, an AI estimate ...), by GTIN and then by
 * words, cached per source and query. A source that is down or refuses us is skipped, and one with fewer
 * than {@link #ENOUGH_COMPARABLES} comparables is kept only until a later source has enough, so a price
 * degrades to the next source instead of failing. An outage of every source is waited out; refusals alone
 * leave the item to review. What live sources answer is kept in the price history.
 */
final class QuotePrice {

    static final String CACHE_NAMESPACE = "market";
    static final String NO_PRICE = "no_price";
    /** v3: quotes carry their kind, query, screening, shipping, and by GTIN the product their listings name. */
    static final String CACHE_VERSION = "v3";
    /** Fewer comparables than this are a thin quote: a later source with enough is preferred. */
    static final int ENOUGH_COMPARABLES = 3;
    /** Prices of these kinds are what a market says; history never keeps its own or made-up ones. */
    private static final Set<PriceKind> LIVE = Set.of(PriceKind.ACTIVE_ASKING, PriceKind.SOLD);
    /** The code of a refusal of the query itself rather than of us. */
    private static final String BAD_QUERY = "bad_request";

    private static final System.Logger LOG = System.getLogger(QuotePrice.class.getName());

    private final List<MarketData> sources;
    private final PriceHistory history;
    private final Cache cache;
    private final ProcessingSettings settings;

    QuotePrice(List<MarketData> sources, PriceHistory history, Cache cache, ProcessingSettings settings) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("at least one market data source is needed");
        }
        this.sources = List.copyOf(sources);
        this.history = history;
        this.cache = cache;
        this.settings = settings;
    }

    MarketQuote quote(VisionAnalysis analysis) {
        MarketQuery query = MarketQuery.forItem(analysis, settings.currency());
        Optional<ProviderUnavailable> lastOutage = Optional.empty();
        Optional<ProviderRejected> lastRefusal = Optional.empty();
        Optional<MarketQuote> thin = Optional.empty();
        for (MarketData source : sources) {
            for (MarketQuery asked : gtinFirst(query)) {
                try {
                    MarketQuote quote = cached(source, asked);
                    if (quote == null) {
                        continue;
                    }
                    if (quote.sampleSize() >= ENOUGH_COMPARABLES) {
                        return quote;
                    }
                    // thin: the words may find more at this source, and later sources too
                    thin = thin.filter(kept -> kept.sampleSize() >= quote.sampleSize()).or(() -> Optional.of(quote));
                } catch (ProviderUnavailable outage) {
                    lastOutage = Optional.of(outage);
                    break;
                } catch (ProviderRejected refusal) {
                    // a source that refuses us (a revoked key, a query it cannot take) must not stop the next
                    // one; a query it cannot take (a misread GTIN) may still be asked by the words
                    lastRefusal = Optional.of(refusal);
                    if (!BAD_QUERY.equals(refusal.code())) {
                        break;
                    }
                }
            }
        }
        if (thin.isPresent()) {
            return thin.get();
        }
        if (lastOutage.isPresent()) {
            throw lastOutage.get();
        }
        String refused = lastRefusal.map(refusal -> " (" + refusal.getMessage() + ")").orElse("");
        throw new StageStop(ItemStatus.NEEDS_REVIEW, NO_PRICE,
                "no market source has a price for '" + query.query() + "'" + refused);
    }

    /**
     * The product the listings of a barcode name, from the first source whose search by that GTIN says
     * one: the very search (and cache entry) that prices the item next, so it costs no call of its own. A
     * source that is down or refuses us names nothing; identity then falls to a stronger model.
     */
    Optional<ProductMatch> productFor(String gtin, VisionAnalysis seen) {
        MarketQuery query = MarketQuery.forItem(seen.withGtin(gtin), settings.currency());
        for (MarketData source : sources) {
            try {
                Optional<ProductMatch> match = Optional.ofNullable(cached(source, query)).flatMap(MarketQuote::product);
                if (match.isPresent()) {
                    return match;
                }
            } catch (ProviderUnavailable | ProviderRejected unanswered) {
                LOG.log(System.Logger.Level.DEBUG, "no product for barcode " + gtin + " from " + source.name()
                        + ": " + unanswered.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The source's quote for the query, from the cache or loaded; null when it has none. */
    private MarketQuote cached(MarketData source, MarketQuery asked) {
        return cache.getOrLoad(CacheKey.of(CACHE_NAMESPACE, source.name(), asked.identity(), CACHE_VERSION),
                MarketQuote.class, () -> load(source, asked), quote -> tags(source.name(), asked));
    }

    /** What a quote is invalidated by: its source, and the product's GTIN when it was asked by one. */
    static Set<String> tags(String source, MarketQuery asked) {
        Set<String> tags = new HashSet<>(Set.of(CacheTags.source(source)));
        asked.gtinKey().map(CacheTags::gtin).ifPresent(tags::add);
        return tags;
    }

    /** A fresh answer of a live source is kept in the history; a cached one was kept when it was fresh. */
    private MarketQuote load(MarketData source, MarketQuery asked) {
        Optional<MarketQuote> quote = source.quote(asked);
        quote.filter(found -> LIVE.contains(found.kind())).ifPresent(found -> keep(asked, found));
        return quote.orElse(null);
    }

    /** The history is a fallback for later items: failing to keep a quote must not cost this item its price. */
    private void keep(MarketQuery asked, MarketQuote quote) {
        try {
            history.record(asked, quote);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not keep the " + quote.source() + " quote for '"
                    + asked.describe() + "' in the price history: " + e.getMessage());
        }
    }

    /**
     * A GTIN finds the very product, so it is asked first; a source that does not know it is asked again by
     * the words (each is a call of its own, counted against the source's limits, and cached on its own).
     */
    private static List<MarketQuery> gtinFirst(MarketQuery query) {
        return query.gtin().isEmpty() ? List.of(query) : List.of(query, query.byWordsOnly());
    }
}
