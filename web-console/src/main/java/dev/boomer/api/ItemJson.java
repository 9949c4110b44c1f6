package dev.boomer.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.boomer.application.items.ItemDetails;
import dev.boomer.application.items.ItemSummary;
import dev.boomer.domain.cost.CostEntry;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemEvent;
import dev.boomer.domain.listing.ListingDraft;
import dev.boomer.domain.listing.PriceEvidence;
import dev.boomer.domain.market.ComparableSale;
import dev.boomer.domain.market.MarketQuote;
import dev.boomer.domain.market.Screening;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.photo.Photo;
import dev.boomer.domain.vision.ItemAnalysis;
import dev.boomer.domain.vision.VisionAnalysis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API's view of an item. Built from domain values; the domain never meets JSON.
 *
 * @param attempt       the item's runs asked for by people (1, then one more per requeue)
 * @param retries       transient faults retried in this attempt
 * @param nextAttemptAt when a waiting item runs again (a retry's backoff or its provider's Retry-After)
 * @param analysis      what the vision model saw (on the item's own page, not in lists)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemJson(
        String id, String status, String priority, String sku, String reason, int attempt, int retries,
        Instant nextAttemptAt, Instant createdAt, Instant updatedAt, List<PhotoJson> photos, AnalysisJson analysis,
        ListingJson listing, CostJson cost, List<EventJson> history) {

    /** One change of the item's state, and the instance that made it. */
    public record EventJson(Instant at, String status, String reason, String instance) {
        static EventJson of(ItemEvent event) {
            return new EventJson(event.at(), event.status().name(), event.reason().orElse(null), event.instance());
        }
    }

    public record PhotoJson(String hash, int width, int height, String url) {
        static PhotoJson of(Photo photo) {
            return new PhotoJson(photo.hash().hex(), photo.width(), photo.height(),
                    "/api/v1/photos/" + photo.hash().hex());
        }
    }

    /**
     * @param tier         the tier whose answer was kept
     * @param identifiedBy what named the product instead of a stronger model, when something did (a barcode
     *                     the market's listings know)
     * @param degraded     why no better answer was asked for, when one was not
     */
    public record AnalysisJson(String brand, String model, String condition, String gtin, double confidence,
                               String provider, String modelName, String tier, boolean fromCache,
                               String identifiedBy, String degraded) {
        static AnalysisJson of(ItemAnalysis stored) {
            VisionAnalysis seen = stored.analysis();
            return new AnalysisJson(seen.brand(), seen.model(), seen.condition().name(), seen.gtin().orElse(null),
                    seen.confidence(), stored.call().provider(), stored.call().model(), stored.call().tier().name(),
                    stored.fromCache(), stored.identifiedBy().orElse(null), stored.degraded().orElse(null));
        }
    }

    public record PriceJson(String amount, String currency) {
        static PriceJson of(Money money) {
            return new PriceJson(money.plain(), money.currency().getCurrencyCode());
        }
    }

    public record ComparableJson(String title, PriceJson price, PriceJson shipping, PriceJson total,
                                 String condition, String url, Instant listedAt) {
        static ComparableJson of(ComparableSale sale) {
            return new ComparableJson(sale.title(), PriceJson.of(sale.price()), PriceJson.of(sale.shipping()),
                    PriceJson.of(sale.total()), sale.condition().name(), sale.url(), sale.listedAt().orElse(null));
        }
    }

    /** What the outlier rule left out: {@code found} comparables came back, {@code kept} priced the item. */
    public record ScreeningJson(String rule, int found, int kept) {
    }

    /**
     * Why the draft has its price. {@code low} and {@code high} are the {@code lowPercentile}th and
     * {@code highPercentile}th percentiles of the comparables' totals (price plus shipping).
     */
    public record EvidenceJson(String source, String kind, String query, int sampleSize, PriceJson median,
                               PriceJson low, PriceJson high, int lowPercentile, int highPercentile, String pricing,
                               ScreeningJson screening, List<ComparableJson> comparables) {
        static EvidenceJson of(PriceEvidence evidence) {
            Screening screening = evidence.screening();
            return new EvidenceJson(evidence.source().name(), evidence.kind().name(), evidence.query(),
                    evidence.sampleSize(), PriceJson.of(evidence.median()), PriceJson.of(evidence.low()),
                    PriceJson.of(evidence.high()), MarketQuote.LOW_PERCENTILE, MarketQuote.HIGH_PERCENTILE,
                    evidence.pricing(), new ScreeningJson(screening.rule(), screening.found(), screening.kept()),
                    evidence.comps().stream().map(ComparableJson::of).toList());
        }
    }

    /** The suggested price, with what kind of evidence it rests on (the whole evidence is the listing's). */
    public record ListingPriceJson(String amount, String currency, String pricing, PriceBasisJson evidence) {
    }

    public record PriceBasisJson(String kind, String source, int sampleSize) {
    }

    /** @param category the leaf category's path in names; {@code categoryId} its marketplace id */
    public record ListingJson(String title, String description, String categoryId, String category, String condition,
                              int conditionId, Map<String, String> itemSpecifics, ListingPriceJson price,
                              EvidenceJson evidence, double confidence) {
        static ListingJson of(ListingDraft draft) {
            PriceEvidence evidence = draft.evidence();
            ListingPriceJson price = new ListingPriceJson(draft.price().plain(),
                    draft.price().currency().getCurrencyCode(), evidence.pricing(),
                    new PriceBasisJson(evidence.kind().name(), evidence.source().name(), evidence.sampleSize()));
            return new ListingJson(draft.title(), draft.description(), blankToNull(draft.categoryId()),
                    draft.category(), draft.condition().name(),
                    draft.condition().ebayId(), draft.itemSpecifics(), price, EvidenceJson.of(evidence),
                    draft.confidence());
        }
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }

    public record CallJson(String provider, String model, String tier, long inputTokens, long outputTokens,
                           long cacheWriteTokens, long cacheReadTokens, int images, String costUsd, Instant at,
                           boolean estimated) {
        static CallJson of(CostEntry entry) {
            var usage = entry.usage();
            return new CallJson(entry.provider(), entry.model(), entry.tier().name(), usage.inputTokens(),
                    usage.outputTokens(), usage.cacheWriteTokens(), usage.cacheReadTokens(), usage.images(),
                    entry.cost().plain(), entry.at(), entry.estimated());
        }
    }

    public record CostJson(String totalUsd, List<CallJson> calls) {
    }

    static ItemJson of(ItemDetails details) {
        return of(details.item(), details.analysis().map(AnalysisJson::of).orElse(null), details.listing(),
                new CostJson(details.totalCost().plain(),
                details.costs().stream().map(CallJson::of).toList()),
                details.history().stream().map(EventJson::of).toList());
    }

    static ItemJson of(ItemSummary summary) {
        return of(summary.item(), null, summary.listing(), new CostJson(summary.totalCost().plain(), null), null);
    }

    static ItemJson accepted(Item item) {
        return of(item, null, Optional.empty(), null, null);
    }

    private static ItemJson of(Item item, AnalysisJson analysis, Optional<ListingDraft> listing, CostJson cost,
                               List<EventJson> history) {
        return new ItemJson(item.id().toString(), item.status().name(), item.priority().name(),
                item.sku().orElse(null), item.reason().orElse(null), item.attempt(), item.retries(),
                item.nextAttemptAt().orElse(null), item.createdAt(),
                item.updatedAt(), item.photos().stream().map(PhotoJson::of).toList(), analysis,
                listing.map(ListingJson::of).orElse(null), cost, history);
    }
}
