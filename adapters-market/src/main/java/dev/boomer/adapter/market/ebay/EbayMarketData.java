package dev.boomer.adapter.market.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.boomer.domain.market.ComparableSale;
import dev.boomer.domain.market.MarketData;
import dev.boomer.domain.market.MarketQuery;
import dev.boomer.domain.market.MarketQuote;
import dev.boomer.domain.market.OutlierRule;
import dev.boomer.domain.market.PriceKind;
import dev.boomer.domain.market.PriceSource;
import dev.boomer.domain.market.ProductMatch;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What sellers on eBay ask now for the same thing (Browse API {@code item_summary/search}): by GTIN when
 * the query has one, else by its words, in the item's condition, Buy It Now listings only. Prices are
 * asking prices of active listings ({@link PriceKind#ACTIVE_ASKING}); listings of something else and
 * outlying totals are left out by the {@link OutlierRule}, which the quote reports. A search by GTIN
 * also says what product the listings are ({@link ProductMatch}).
 */
@Singleton
@Requires(property = "boomer.market.provider", value = "ebay")
final class EbayMarketData implements MarketData {

    static final String NAME = "ebay";
    static final String SEARCH_PATH = "/buy/browse/v1/item_summary/search";
    private static final String BRAND = "Brand";

    private final EbayClient ebay;
    private final Clock clock;

    EbayMarketData(EbayClient ebay, Clock clock,
                   @Value("${boomer.processing.currency:USD}") String currency) {
        this.ebay = Objects.requireNonNull(ebay, "ebay");
        this.clock = Objects.requireNonNull(clock, "clock");
        ebay.config().requireCurrency(currency);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<MarketQuote> quote(MarketQuery query) {
        JsonNode results = ebay.get(SEARCH_PATH + "?" + parameters(query), "eBay search");
        List<ComparableSale> found = EbayListings.comparables(results, query);
        OutlierRule.Screened screened = OutlierRule.screen(found, query);
        if (screened.kept().isEmpty()) {
            return Optional.empty();
        }
        MarketQuote quote = MarketQuote.fromComps(PriceSource.EBAY, PriceKind.ACTIVE_ASKING, query.describe(),
                screened.kept(), screened.screening(), clock.instant());
        return Optional.of(quote.identifying(query.gtin().flatMap(gtin -> ProductMatch.fromTitles(PriceSource.EBAY,
                gtin, screened.kept().stream().map(ComparableSale::title).toList(), brandOf(results)))));
    }

    /**
     * The brand most of the listings are filed under, from the search's aspect refinements (asked for with
     * a GTIN): {@code refinement.aspectDistributions[localizedAspectName=Brand]}, the value with most matches.
     */
    static Optional<String> brandOf(JsonNode results) {
        for (JsonNode aspect : results.path("refinement").path("aspectDistributions")) {
            if (!BRAND.equalsIgnoreCase(aspect.path("localizedAspectName").asText(""))) {
                continue;
            }
            JsonNode top = null;
            for (JsonNode value : aspect.path("aspectValueDistributions")) {
                if (top == null || value.path("matchCount").asInt(0) > top.path("matchCount").asInt(0)) {
                    top = value;
                }
            }
            return Optional.ofNullable(top).map(value -> value.path("localizedAspectValue").asText("").strip())
                    .filter(brand -> !brand.isEmpty() && !brand.equalsIgnoreCase("Unbranded"));
        }
        return Optional.empty();
    }

    /**
     * By GTIN (with the aspect refinements that name the product's brand) or by words, in the conditions
     * that price the item, Buy It Now only.
     */
    private String parameters(MarketQuery query) {
        String what = query.gtin().map(gtin -> "gtin=" + EbayClient.encode(gtin) + "&fieldgroups="
                        + EbayClient.encode("MATCHING_ITEMS,ASPECT_REFINEMENTS"))
                .orElseGet(() -> "q=" + EbayClient.encode(query.query()));
        String conditions = EbayConditions.matching(query.condition()).stream().map(String::valueOf)
                .collect(Collectors.joining("|"));
        String filter = "conditionIds:{" + conditions + "},buyingOptions:{FIXED_PRICE}";
        return what + "&filter=" + EbayClient.encode(filter) + "&limit=" + ebay.config().limit();
    }
}
