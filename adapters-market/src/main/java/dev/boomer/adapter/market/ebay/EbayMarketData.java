package dev.boomer.adapter.market.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.boomer.domain.market.ComparableSale;
import dev.boomer.domain.market.MarketData;
import dev.boomer.domain.market.MarketQuery;
import dev.boomer.domain.market.MarketQuote;
import dev.boomer.domain.market.OutlierRule;
import dev.boomer.domain.market.PriceKind;
import dev.boomer.domain.market.PriceSource;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What sellers on eBay ask now for the same thing (Browse API {@code item_summary/search}): by GTIN when
 * the query has one, else by its words, in the item's condition, Buy It Now listings only. Prices are
 * asking prices of active listings ({@link PriceKind#ACTIVE_ASKING}); listings of something else and
 * outlying totals are left out by the {@link OutlierRule}, which the quote reports.
 */
@Singleton
@Requires(property = "boomer.market.provider", value = "ebay")
final class EbayMarketData implements MarketData {

    static final String NAME = "ebay";
    static final String SEARCH_PATH = "/buy/browse/v1/item_summary/search";

    private final EbayConfig config;
    private final EbayHttp http;
    private final EbayAccessTokens tokens;
    private final Clock clock;

    EbayMarketData(EbayConfig config, Clock clock) {
        this(config, new EbayHttp(config), clock);
    }

    private EbayMarketData(EbayConfig config, EbayHttp http, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = http;
        this.tokens = new EbayAccessTokens(config, http, clock);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<MarketQuote> quote(MarketQuery query) {
        JsonNode results = search(query);
        List<ComparableSale> found = EbayListings.comparables(results, query);
        OutlierRule.Screened screened = OutlierRule.screen(found, query.condition());
        if (screened.kept().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(MarketQuote.fromComps(PriceSource.EBAY, PriceKind.ACTIVE_ASKING, query.describe(),
                screened.kept(), screened.screening(), clock.instant()));
    }

    /** One search; a token eBay no longer takes is replaced once and the search made again. */
    private JsonNode search(MarketQuery query) {
        String token = tokens.token();
        EbayHttp.Answer answer = http.send(request(query, token), "eBay search");
        if (answer.status() == EbayHttp.UNAUTHORIZED) {
            tokens.refused(token);
            answer = http.send(request(query, tokens.token()), "eBay search");
        }
        if (!answer.ok()) {
            throw EbayHttp.failure("eBay search", answer);
        }
        return answer.body();
    }

    private HttpRequest request(MarketQuery query, String token) {
        String what = query.gtin().map(gtin -> "gtin=" + encode(gtin)).orElseGet(() -> "q=" + encode(query.query()));
        String conditions = EbayConditions.matching(query.condition()).stream().map(String::valueOf)
                .collect(Collectors.joining("|"));
        String filter = "conditionIds:{" + conditions + "},buyingOptions:{FIXED_PRICE}";
        return HttpRequest.newBuilder(config.resolve(SEARCH_PATH + "?" + what + "&filter=" + encode(filter)
                        + "&limit=" + config.limit()))
                .timeout(config.timeout())
                .header("Authorization", "Bearer " + token)
                .header("X-EBAY-C-MARKETPLACE-ID", config.marketplace())
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
