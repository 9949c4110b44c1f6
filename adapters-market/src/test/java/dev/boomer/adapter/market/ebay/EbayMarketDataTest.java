package dev.boomer.adapter.market.ebay;

import dev.boomer.adapter.market.ebay.EbayStub.Reply;
import dev.boomer.domain.contract.MarketDataContract;
import dev.boomer.domain.fixtures.MutableClock;
import dev.boomer.domain.item.Condition;
import dev.boomer.domain.market.ComparableSale;
import dev.boomer.domain.market.MarketData;
import dev.boomer.domain.market.MarketQuery;
import dev.boomer.domain.market.MarketQuote;
import dev.boomer.domain.market.OutlierRule;
import dev.boomer.domain.market.PriceKind;
import dev.boomer.domain.market.PriceSource;
import dev.boomer.domain.market.ProductMatch;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.provider.ProviderRejected;
import dev.boomer.domain.provider.ProviderUnavailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The eBay Browse source against a stub that speaks eBay's wire format, and the market source contract. */
class EbayMarketDataTest extends MarketDataContract {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final EbayStub ebay = new EbayStub();
    private final MutableClock clock = new MutableClock(NOW);
    private final EbayMarketData market = new EbayMarketData(new EbayClient(config(ebay), clock), clock, "USD");

    @AfterEach
    void stop() {
        ebay.close();
    }

    @Override
    protected MarketData source() {
        return market;
    }

    @Override
    protected MarketQuery aQueryWithPrices() {
        return gtinQuery(Condition.USED_GOOD);
    }

    @Override
    protected MarketQuery aQueryWithNone() {
        ebay.searchAlways(Reply.json(200, EbayStub.resource("search-empty.json")));
        return new MarketQuery(Optional.empty(), "unobtainium", Condition.USED_GOOD, Currency.getInstance("USD"));
    }

    @Test
    void aGtinIsSearchedInTheItemsConditionsBuyItNowOnlyOnTheConfiguredMarketplace() {
        market.quote(gtinQuery(Condition.USED_GOOD));

        EbayStub.Seen search = ebay.searches().getFirst();
        assertThat(search.method()).isEqualTo("GET");
        assertThat(search.query()).containsEntry("gtin", "0018208012345").doesNotContainKey("q")
                .containsEntry("filter", "conditionIds:{3000|4000|5000|6000},buyingOptions:{FIXED_PRICE}")
                .containsEntry("limit", "50").containsEntry("fieldgroups", "MATCHING_ITEMS,ASPECT_REFINEMENTS");
        assertThat(search.header("X-EBAY-C-MARKETPLACE-ID")).isEqualTo("EBAY_US");
        assertThat(search.header("Authorization")).isEqualTo("Bearer " + EbayStub.issued(1));
    }

    @Test
    void withoutAGtinTheWordsAreSearchedInExactlyTheItemsCondition() {
        MarketQuote quote = market.quote(new MarketQuery(Optional.empty(), "nikon f3 body", Condition.NEW,
                Currency.getInstance("USD"))).orElseThrow();

        assertThat(ebay.searches().getFirst().query()).containsEntry("q", "nikon f3 body").doesNotContainKey("gtin")
                .doesNotContainKey("fieldgroups")
                .containsEntry("filter", "conditionIds:{1000},buyingOptions:{FIXED_PRICE}");
        assertThat(quote.product()).as("words find listings, not a product").isEmpty();
    }

    @Test
    void aGtinsListingsNameTheProductByTheirSharedTitleWordsAndTheirBrand() {
        MarketQuote quote = market.quote(gtinQuery(Condition.USED_GOOD)).orElseThrow();

        // kept titles: "Nikon F3 35mm SLR Film Camera Body", "Nikon F3 HP body, tested, ...", "Nikon F3 camera
        // body", "Nikon F3 SLR body only"; Brand: Nikon 7, Unbranded 1
        assertThat(quote.product()).contains(new ProductMatch(PriceSource.EBAY, "0018208012345", "Nikon F3 Body",
                Optional.of("Nikon"), 4));
    }

    @Test
    void listingsArePricedWithShippingAndScreenedByTheOutlierRule() {
        MarketQuote quote = market.quote(gtinQuery(Condition.USED_GOOD)).orElseThrow();

        // 8 results; the CAD one cannot price a USD quote; parts, a lot and the $2,400 one are left out
        assertThat(quote.screening()).isEqualTo(new dev.boomer.domain.market.Screening(OutlierRule.RULE, 7, 4));
        assertThat(quote.comps()).extracting(ComparableSale::title).containsExactly(
                "Nikon F3 35mm SLR Film Camera Body", "Nikon F3 HP body, tested, meter works", "Nikon F3 camera body",
                "Nikon F3 SLR body only");
        ComparableSale first = quote.comps().getFirst();
        assertThat(first.price()).isEqualTo(Money.usd("229.99"));
        assertThat(first.shipping()).isEqualTo(Money.usd("12.00"));
        assertThat(first.listedAt()).contains(Instant.parse("2026-11-20T08:15:02Z"));
        assertThat(first.url()).isEqualTo("https://www.ebay.com/itm/110552000001");
        assertThat(first.condition()).isEqualTo(Condition.USED_EXCELLENT);
        assertThat(quote.comps().get(1).shipping()).as("the cheapest option, here free").isEqualTo(Money.usd("0"));
        assertThat(quote.comps().get(2).condition()).isEqualTo(Condition.USED_VERY_GOOD);
        // totals 204.99, 210.00, 241.99, 265.00
        assertThat(quote.median()).isEqualTo(Money.usd("226.00"));
        assertThat(quote.low()).isEqualTo(Money.usd("208.75"));
        assertThat(quote.high()).isEqualTo(Money.usd("247.74"));
        assertThat(quote.source()).isEqualTo(PriceSource.EBAY);
        assertThat(quote.kind()).isEqualTo(PriceKind.ACTIVE_ASKING);
        assertThat(quote.query()).isEqualTo("gtin 0018208012345");
        assertThat(quote.quotedAt()).isEqualTo(NOW);
    }

    @Test
    void aLikeNewItemIsAlsoPricedByNewOtherListingsWhereCategoriesHaveNoLikeNew() {
        market.quote(gtinQuery(Condition.LIKE_NEW));

        assertThat(ebay.searches().getFirst().query().get("filter")).startsWith("conditionIds:{2750|1500}");
    }

    @Test
    void anItemForPartsIsPricedByThePartsListings() {
        MarketQuote quote = market.quote(gtinQuery(Condition.FOR_PARTS_OR_NOT_WORKING)).orElseThrow();

        assertThat(quote.comps()).extracting(ComparableSale::title).contains("Nikon F3 body FOR PARTS not working");
        assertThat(ebay.searches().getFirst().query().get("filter")).startsWith("conditionIds:{7000}");
    }

    @Test
    void oneTokenServesManyCallsUntilShortlyBeforeItExpires() {
        market.quote(gtinQuery(Condition.USED_GOOD));
        clock.advance(Duration.ofMinutes(100));
        market.quote(gtinQuery(Condition.USED_GOOD));
        assertThat(ebay.tokenRequests()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(16)); // 116 min: within 5 minutes of the 2-hour expiry
        market.quote(gtinQuery(Condition.USED_GOOD));

        assertThat(ebay.tokenRequests()).isEqualTo(2);
        assertThat(ebay.searches().getLast().header("Authorization")).isEqualTo("Bearer " + EbayStub.issued(2));
    }

    @Test
    void theTokenIsAskedForWithBasicClientAuthAndTheApiScope() {
        market.quote(gtinQuery(Condition.USED_GOOD));

        EbayStub.Seen grant = ebay.seen().getFirst();
        assertThat(grant.method()).isEqualTo("POST");
        assertThat(grant.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(grant.body()).isEqualTo("grant_type=client_credentials&scope=https%3A%2F%2Fapi.ebay.com%2Foauth%2Fapi_scope");
    }

    @Test
    void concurrentCallsShareOneRefresh() throws Exception {
        Runnable answerTheGrant = ebay.holdTokens();
        List<Thread> callers = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> Thread.ofVirtual().start(() -> market.quote(gtinQuery(Condition.USED_GOOD)))).toList();
        allParkedBehindOneGrant(callers);
        answerTheGrant.run();
        for (Thread caller : callers) {
            caller.join();
        }

        assertThat(ebay.tokenRequests()).isEqualTo(1);
        assertThat(ebay.searches()).hasSize(6);
    }

    @Test
    void aTokenEbayNoLongerTakesIsRefreshedOnceAndTheSearchMadeAgain() {
        market.quote(gtinQuery(Condition.USED_GOOD));
        ebay.thenSearch(Reply.json(401, EbayStub.resource("error-invalid-token.json")));

        assertThat(market.quote(gtinQuery(Condition.USED_GOOD))).isPresent();

        assertThat(ebay.tokenRequests()).isEqualTo(2);
        assertThat(ebay.searches()).hasSize(3);
    }

    @Test
    void aSecondRefusalIsNotRetriedAgainAndSaysWhichKeysToCheck() {
        ebay.thenSearch(Reply.json(401, EbayStub.resource("error-invalid-token.json")),
                Reply.json(401, EbayStub.resource("error-invalid-token.json")));

        assertThatThrownBy(() -> market.quote(gtinQuery(Condition.USED_GOOD)))
                .isInstanceOfSatisfying(ProviderRejected.class, e -> assertThat(e.code()).isEqualTo("unauthorized"))
                .hasMessageContaining("Invalid access token (errorId 1001)").hasMessageContaining("EBAY_CLIENT_ID");
        assertThat(ebay.searches()).hasSize(2);
    }

    @Test
    void tooManyRequestsIsAWaitWithEbaysWords() {
        ebay.thenSearch(new Reply(429, EbayStub.resource("error-too-many-requests.json"), Map.of("Retry-After", "30")));

        assertThatThrownBy(() -> market.quote(gtinQuery(Condition.USED_GOOD)))
                .isInstanceOfSatisfying(ProviderUnavailable.class, e -> {
                    assertThat(e.code()).isEqualTo("rate_limited");
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
                })
                .hasMessageContaining("request limit has been reached").hasMessageContaining("errorId 2001");
    }

    @Test
    void anEbayServerErrorIsAnOutage() {
        ebay.thenSearch(Reply.json(500, EbayStub.resource("error-internal.json")));

        assertThatThrownBy(() -> market.quote(gtinQuery(Condition.USED_GOOD)))
                .isInstanceOfSatisfying(ProviderUnavailable.class, e -> assertThat(e.code()).isEqualTo("server_error"))
                .hasMessageContaining("errorId 12000");
    }

    @Test
    void wrongKeysAreRefusedWithoutShowingTheSecret() {
        ebay.tokenFails(Reply.json(401,
                "{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed\"}"));

        assertThatThrownBy(() -> market.quote(gtinQuery(Condition.USED_GOOD)))
                .isInstanceOf(ProviderRejected.class)
                .hasMessageContaining("invalid_client: client authentication failed")
                .hasMessageNotContaining(EbayStub.CLIENT_SECRET);
        assertThat(config(ebay).toString()).doesNotContain(EbayStub.CLIENT_SECRET).contains("[redacted]");
    }

    @Test
    void anUnreachableEbayIsAnOutage() {
        EbayConfig nowhere = new EbayConfig(EbayStub.CLIENT_ID, EbayStub.CLIENT_SECRET,
                java.net.URI.create("http://127.0.0.1:1"), "EBAY_US", 50, Duration.ofSeconds(2), "");

        assertThatThrownBy(() -> new EbayMarketData(new EbayClient(nowhere, clock), clock, "USD").quote(gtinQuery(Condition.USED_GOOD)))
                .isInstanceOfSatisfying(ProviderUnavailable.class, e -> assertThat(e.code()).isEqualTo("network"));
    }

    @Test
    void missingKeysStopTheStartWithWhatToSet() {
        assertThatThrownBy(() -> new EbayConfig("", "", java.net.URI.create("https://api.ebay.com"), "EBAY_US", 50,
                Duration.ofSeconds(10), "")).hasMessageContaining("EBAY_CLIENT_ID").hasMessageContaining("EBAY_CLIENT_SECRET");
        assertThatThrownBy(() -> new EbayConfig("a", "b", java.net.URI.create("https://api.ebay.com"), "EBAY_US", 500,
                Duration.ofSeconds(10), "")).hasMessageContaining("1..200");
        assertThatThrownBy(() -> new EbayConfig("a", "b", java.net.URI.create("https://api.ebay.com"), "EBAY_US", 50,
                Duration.ofSeconds(10), "10001")).hasMessageContaining("country=US,zip=10001");
    }

    @Test
    void aBuyerLocationAsksEbayToPriceCalculatedShipping() {
        EbayConfig newYork = new EbayConfig(EbayStub.CLIENT_ID, EbayStub.CLIENT_SECRET, ebay.baseUrl(), "EBAY_US", 50,
                Duration.ofSeconds(5), "country=US,zip=10001");

        new EbayMarketData(new EbayClient(newYork, clock), clock, "USD").quote(gtinQuery(Condition.USED_GOOD));

        assertThat(ebay.searches().getFirst().header("X-EBAY-C-ENDUSERCTX"))
                .isEqualTo("contextualLocation=country%3DUS%2Czip%3D10001");
    }

    @Test
    void aFailedGrantAnswersTheCallersQueuedBehindItInsteadOfEachAskingAgain() throws Exception {
        Runnable answerTheGrant = ebay.tokenFails(Reply.json(500, EbayStub.resource("error-internal.json")))
                .holdTokens();
        List<Thread> callers = java.util.stream.IntStream.range(0, 4).mapToObj(i -> Thread.ofVirtual().start(() -> {
            try {
                market.quote(gtinQuery(Condition.USED_GOOD));
            } catch (ProviderUnavailable expected) {
                // every caller sees the outage
            }
        })).toList();
        allParkedBehindOneGrant(callers);
        answerTheGrant.run();
        for (Thread caller : callers) {
            caller.join();
        }
        assertThat(ebay.tokenRequests()).isEqualTo(1);

        clock.advance(EbayAccessTokens.FAILURE_HOLDS.plusSeconds(1));
        assertThatThrownBy(() -> market.quote(gtinQuery(Condition.USED_GOOD))).isInstanceOf(ProviderUnavailable.class);
        assertThat(ebay.tokenRequests()).isEqualTo(2);
    }

    @Test
    void aMarketplaceListingInAnotherCurrencyStopsTheStart() {
        EbayConfig uk = new EbayConfig(EbayStub.CLIENT_ID, EbayStub.CLIENT_SECRET, ebay.baseUrl(), "EBAY_GB", 50,
                Duration.ofSeconds(5), "");

        assertThatThrownBy(() -> new EbayMarketData(new EbayClient(uk, clock), clock, "USD"))
                .hasMessageContaining("EBAY_GB lists in GBP").hasMessageContaining("boomer.processing.currency is USD");
    }

    /** One caller waits for eBay's grant, the others for the lock it holds: nobody else asked for a token. */
    private void allParkedBehindOneGrant(List<Thread> callers) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() ->
                ebay.tokenRequests() >= 1 && callers.stream().allMatch(caller -> caller.getState() == Thread.State.WAITING
                        || caller.getState() == Thread.State.TIMED_WAITING));
    }

    private static MarketQuery gtinQuery(Condition condition) {
        return new MarketQuery(Optional.of("0018208012345"), "nikon f3 body", condition, Currency.getInstance("USD"));
    }

    static EbayConfig config(EbayStub stub) {
        return new EbayConfig(EbayStub.CLIENT_ID, EbayStub.CLIENT_SECRET, stub.baseUrl(), "EBAY_US", 50,
                Duration.ofSeconds(5), "");
    }
}
