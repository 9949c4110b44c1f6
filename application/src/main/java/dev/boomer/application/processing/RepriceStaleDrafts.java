package dev.boomer.application.processing;

import dev.boomer.domain.cache.Cache;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.listing.ListingComposer;
import dev.boomer.domain.listing.ListingDraft;
import dev.boomer.domain.listing.ListingRepository;
import dev.boomer.domain.market.MarketData;
import dev.boomer.domain.market.MarketQuote;
import dev.boomer.domain.market.PriceHistory;
import dev.boomer.domain.provider.ProviderRejected;
import dev.boomer.domain.provider.ProviderUnavailable;
import dev.boomer.domain.vision.AnalysisRepository;
import dev.boomer.domain.vision.ItemAnalysis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Quotes again the drafts priced longest ago (older than a given age), through the market stage and its
 * cache, without a vision call: the stored analysis is asked again, the draft keeps everything but its
 * price, evidence and confidence. Only settled items are repriced (one being processed gets a fresh price
 * anyway); one whose market has no price now, or is down, keeps the price it has.
 */
public final class RepriceStaleDrafts {

    /** What a run did: drafts priced again, left as they were (no price now), and not touched (not settled). */
    public record Result(int repriced, int kept, int skipped) {
    }

    private static final Set<ItemStatus> SETTLED_WITH_A_DRAFT = Set.of(ItemStatus.DRAFTED, ItemStatus.NEEDS_REVIEW);

    private final ItemRepository items;
    private final AnalysisRepository analyses;
    private final ListingRepository listings;
    private final QuotePrice pricer;
    private final Clock clock;
    private final ProcessingSettings settings;

    public RepriceStaleDrafts(ItemRepository items, AnalysisRepository analyses, ListingRepository listings,
                              List<MarketData> marketSources, PriceHistory history, Cache cache, Clock clock,
                              ProcessingSettings settings) {
        this.items = items;
        this.analyses = analyses;
        this.listings = listings;
        this.pricer = new QuotePrice(marketSources, history, cache, settings);
        this.clock = clock;
        this.settings = settings;
    }

    /** @param limit at most this many drafts in one run (the oldest); a later run takes the next */
    public Result repriceOlderThan(Duration age, int limit) {
        Instant now = clock.instant();
        int repriced = 0;
        int kept = 0;
        int skipped = 0;
        for (ItemId id : listings.pricedBefore(now.minus(age), limit)) {
            Optional<Item> item = items.findById(id);
            Optional<ItemAnalysis> analysis = analyses.findByItem(id);
            Optional<ListingDraft> draft = listings.findByItem(id);
            if (item.isEmpty() || !SETTLED_WITH_A_DRAFT.contains(item.get().status()) || analysis.isEmpty()
                    || draft.isEmpty()) {
                skipped++;
                continue;
            }
            Optional<MarketQuote> quote = freshQuote(analysis.get());
            if (quote.isEmpty()) {
                kept++;
                continue;
            }
            listings.save(ListingComposer.reprice(draft.get(), analysis.get().analysis(), quote.get(),
                    settings.pricing(), clock.instant()));
            repriced++;
        }
        return new Result(repriced, kept, skipped);
    }

    /** The market's price now; none when no source has one or they are down (the draft keeps its own). */
    private Optional<MarketQuote> freshQuote(ItemAnalysis analysis) {
        try {
            return Optional.of(pricer.quote(analysis.analysis()));
        } catch (StageStop | ProviderUnavailable | ProviderRejected noPriceNow) {
            return Optional.empty();
        }
    }
}
