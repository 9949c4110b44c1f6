package dev.boomer.console.items;

import dev.boomer.application.items.ItemDetails;
import dev.boomer.console.layout.Formats;
import dev.boomer.domain.cost.CostEntry;
import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.listing.ListingDraft;
import dev.boomer.domain.listing.PriceEvidence;
import dev.boomer.domain.market.ComparableSale;
import dev.boomer.domain.market.MarketQuote;
import dev.boomer.domain.market.PriceKind;
import dev.boomer.domain.market.Screening;
import dev.boomer.domain.photo.Photo;
import dev.boomer.domain.vision.ItemAnalysis;
import dev.boomer.domain.vision.VisionAnalysis;
import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Everything the item page prints; absent parts (no analysis or draft yet) are null. */
record ItemView(String id, String url, StatusBadge status, @Nullable String reason, String priority,
                @Nullable String sku, int attempt, int retries, @Nullable String nextAttemptAt, boolean settled,
                String createdAt, String updatedAt, List<PhotoView> photos,
                @Nullable AnalysisView analysis, @Nullable DraftView draft, @Nullable EvidenceView evidence,
                List<CallView> calls, String totalCost, String totalCostExact, List<EventView> history) {

    /** Whether any call is charged as an estimate, for the note that explains the mark. */
    public boolean anyEstimated() {
        return calls.stream().anyMatch(CallView::estimated);
    }

    /** One change of the item's state, and the instance that made it. */
    record EventView(String at, StatusBadge status, @Nullable String reason, String instance) {
    }

    record PhotoView(String url, int width, int height, String size) {
    }

    record AnalysisView(String brand, String model, String category, String condition, String confidence,
                        String provider, String modelName, String tier, boolean fromCache, String latency,
                        @Nullable String gtin, @Nullable String identifiedBy) {
    }

    record Specific(String name, String value) {
    }

    /** @param categoryId null for drafts made before categories came from the marketplace's tree */
    record DraftView(String title, int titleLength, String description, String category, @Nullable String categoryId,
                     String condition, int conditionId, List<Specific> specifics, String price, String confidence) {
    }

    record ComparableView(String title, String price, String shipping, String total, String condition,
                          @Nullable String url, @Nullable String listedOn) {
    }

    /**
     * @param basis     what kind of prices, in words ("12 active listings asking")
     * @param screening what the outlier rule left out, in words, or null when nothing was screened
     */
    record EvidenceView(String basis, String source, boolean estimate, boolean simulated, int sampleSize,
                        String query, String median, String low, String high, int lowPercentile,
                        int highPercentile, String pricing, @Nullable String screening, @Nullable String rule,
                        List<ComparableView> comparables) {
    }

    record CallView(String provider, String model, String tier, String inputTokens, String outputTokens,
                    String cacheWriteTokens, String cacheReadTokens, int images, String cost, String costExact,
                    String at, boolean estimated) {
    }

    static ItemView of(ItemDetails details) {
        Item item = details.item();
        String id = item.id().toString();
        ListingDraft draft = details.listing().orElse(null);
        boolean settled = item.status() != ItemStatus.RECEIVED && item.status() != ItemStatus.PROCESSING;
        return new ItemView(id, "/items/" + id, StatusBadge.of(item.status()), item.reason().orElse(null),
                item.priority().name(), item.sku().orElse(null), item.attempt(), item.retries(),
                item.nextAttemptAt().map(Formats::time).orElse(null), settled, Formats.time(item.createdAt()),
                Formats.time(item.updatedAt()), item.photos().stream().map(ItemView::photo).toList(),
                details.analysis().map(ItemView::analysis).orElse(null),
                draft == null ? null : draft(draft), draft == null ? null : evidence(draft.evidence()),
                details.costs().stream().sorted(Comparator.comparing(CostEntry::at)).map(ItemView::call).toList(),
                Formats.cost(details.totalCost()), Formats.exact(details.totalCost()),
                details.history().stream().map(event -> new EventView(Formats.time(event.at()),
                        StatusBadge.of(event.status()), event.reason().orElse(null), event.instance())).toList());
    }

    private static PhotoView photo(Photo photo) {
        return new PhotoView("/photos/" + photo.hash().hex(), photo.width(), photo.height(),
                String.format(Locale.ROOT, "%.0f KB", photo.sizeBytes() / 1024.0));
    }

    private static AnalysisView analysis(ItemAnalysis stored) {
        VisionAnalysis seen = stored.analysis();
        return new AnalysisView(seen.brand(), seen.model(), seen.category(), seen.condition().label(),
                Formats.percent(seen.confidence()), stored.call().provider(), stored.call().model(),
                stored.call().tier().name(), stored.fromCache(), stored.call().latency().toMillis() + " ms",
                seen.gtin().orElse(null), stored.identifiedBy().orElse(null));
    }

    private static DraftView draft(ListingDraft draft) {
        List<Specific> specifics = draft.itemSpecifics().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new Specific(e.getKey(), e.getValue())).toList();
        return new DraftView(draft.title(), draft.title().length(), draft.description(), draft.category(),
                draft.categoryId().isBlank() ? null : draft.categoryId(),
                draft.condition().label(), draft.condition().ebayId(), specifics, Formats.price(draft.price()),
                Formats.percent(draft.confidence()));
    }

    private static EvidenceView evidence(PriceEvidence evidence) {
        Screening screening = evidence.screening();
        boolean screened = !Screening.NONE.equals(screening.rule());
        return new EvidenceView(PriceBasis.inWords(evidence.kind(), evidence.sampleSize()),
                evidence.source().name().replace('_', ' '), evidence.kind() == PriceKind.AI_ESTIMATE,
                evidence.kind() == PriceKind.SIMULATED, evidence.sampleSize(), evidence.query(),
                Formats.price(evidence.median()), Formats.price(evidence.low()), Formats.price(evidence.high()),
                MarketQuote.LOW_PERCENTILE, MarketQuote.HIGH_PERCENTILE, evidence.pricing(),
                screened ? screening.found() + " found, " + screening.removed() + " left out, " + screening.kept()
                        + " kept" : null,
                screened ? screening.rule() : null,
                evidence.comps().stream().map(ItemView::comparable).toList());
    }

    private static ComparableView comparable(ComparableSale sale) {
        return new ComparableView(sale.title(), Formats.price(sale.price()),
                Formats.price(sale.shipping()), Formats.price(sale.total()),
                sale.condition().label(), safeLink(sale.url()), sale.listedAt().map(Formats::date).orElse(null));
    }

    private static CallView call(CostEntry entry) {
        Usage usage = entry.usage();
        return new CallView(entry.provider(), entry.model(), entry.tier().name(), Formats.count(usage.inputTokens()),
                Formats.count(usage.outputTokens()), Formats.count(usage.cacheWriteTokens()),
                Formats.count(usage.cacheReadTokens()), usage.images(), Formats.cost(entry.cost()),
                Formats.exact(entry.cost()), Formats.time(entry.at()), entry.estimated());
    }

    /** Market data comes from outside: link only to http(s) addresses, never {@code javascript:} and the like. */
    static @Nullable String safeLink(String url) {
        try {
            String scheme = URI.create(url.strip()).getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    ? url.strip() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
