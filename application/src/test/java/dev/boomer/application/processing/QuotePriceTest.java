package dev.boomer.application.processing;

import dev.boomer.domain.fixtures.FakeMarketData;
import dev.boomer.domain.fixtures.InMemoryCache;
import dev.boomer.domain.fixtures.InMemoryPriceHistory;
import dev.boomer.domain.item.Condition;
import dev.boomer.domain.listing.PricingPolicy;
import dev.boomer.domain.market.MarketQuery;
import dev.boomer.domain.market.PriceHistory;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.vision.VisionAnalysis;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class QuotePriceTest {

    private static final ProcessingSettings SETTINGS = new ProcessingSettings("w", Duration.ofMinutes(2), "p", 0.6,
            0.5, Currency.getInstance("USD"), RetryPolicy.DEFAULT, Duration.ofSeconds(30), PricingPolicy.DEFAULT);

    @Test
    void aSourceThatDoesNotKnowTheGtinIsAskedAgainByTheWordsBeforeTheNextSource() {
        FakeMarketData ebay = new FakeMarketData("ebay", "50", "50", "50").withoutGtins();
        FakeMarketData estimate = new FakeMarketData("estimate", "99");

        var quote = new QuotePrice(List.of(ebay, estimate), PriceHistory.NONE, new InMemoryCache(), SETTINGS).quote(analysis("0018208012345"));

        assertThat(quote.median()).isEqualTo(Money.usd("50"));
        assertThat(ebay.asked()).extracting(MarketQuery::gtin)
                .containsExactly(Optional.of("0018208012345"), Optional.empty());
        assertThat(estimate.asked()).isEmpty();
    }

    @Test
    void aGtinTheSourceKnowsIsTheOnlyQuestion() {
        FakeMarketData ebay = new FakeMarketData("ebay", "50", "55", "60");

        new QuotePrice(List.of(ebay), PriceHistory.NONE, new InMemoryCache(), SETTINGS).quote(analysis("0018208012345"));

        assertThat(ebay.asked()).hasSize(1);
        assertThat(ebay.asked().getFirst().describe()).isEqualTo("gtin 0018208012345");
    }

    @Test
    void aThinQuoteGivesWayToALaterSourceWithEnoughComparables() {
        FakeMarketData ebay = new FakeMarketData("ebay", "50", "60").live();
        FakeMarketData history = new FakeMarketData("history", "40", "45", "48");

        var quote = new QuotePrice(List.of(ebay, history), PriceHistory.NONE, new InMemoryCache(), SETTINGS)
                .quote(analysis("0018208012345"));

        assertThat(quote.sampleSize()).isEqualTo(3);
        assertThat(quote.median()).isEqualTo(Money.usd("45"));
    }

    @Test
    void aThinAnswerToTheGtinIsAskedAgainByTheWordsAtTheSameSource() {
        FakeMarketData ebay = new FakeMarketData("ebay", "50");

        new QuotePrice(List.of(ebay), PriceHistory.NONE, new InMemoryCache(), SETTINGS).quote(analysis("0018208012345"));

        assertThat(ebay.asked()).extracting(MarketQuery::gtin).containsExactly(Optional.of("0018208012345"),
                Optional.empty());
    }

    @Test
    void aThinQuoteIsBetterThanNone() {
        FakeMarketData ebay = new FakeMarketData("ebay", "50", "60").live();
        FakeMarketData history = new FakeMarketData("history");

        var quote = new QuotePrice(List.of(ebay, history), PriceHistory.NONE, new InMemoryCache(), SETTINGS)
                .quote(analysis("0018208012345"));

        assertThat(quote.median()).isEqualTo(Money.usd("55"));
    }

    @Test
    void whatALiveSourceAnswersIsKeptInTheHistoryOnceAndSimulatedPricesNever() {
        InMemoryPriceHistory history = new InMemoryPriceHistory();
        InMemoryCache cache = new InMemoryCache();
        QuotePrice live = new QuotePrice(List.of(new FakeMarketData("ebay", "50", "60", "70").live()), history, cache,
                SETTINGS);

        live.quote(analysis("0018208012345"));
        live.quote(analysis("0018208012345"));
        new QuotePrice(List.of(new FakeMarketData("simulated", "10", "20", "30")), history, new InMemoryCache(),
                SETTINGS).quote(analysis("0018208012345"));

        assertThat(history.recorded()).as("the second answer came from the cache").isEqualTo(1);
        MarketQuery query = new MarketQuery(Optional.of("0018208012345"), "nikon f3 body", Condition.USED_GOOD,
                Currency.getInstance("USD"));
        assertThat(history.seen(query, java.time.Instant.EPOCH, 10)).hasSize(3);
    }

    @Test
    void aHistoryThatCannotKeepAQuoteDoesNotCostTheItemItsPrice() {
        PriceHistory broken = new PriceHistory() {
            @Override
            public void record(MarketQuery query, dev.boomer.domain.market.MarketQuote quote) {
                throw new IllegalStateException("database down");
            }

            @Override
            public List<Observation> seen(MarketQuery query, java.time.Instant since, int limit) {
                return List.of();
            }
        };

        var quote = new QuotePrice(List.of(new FakeMarketData("ebay", "50", "60", "70").live()), broken,
                new InMemoryCache(), SETTINGS).quote(analysis("0018208012345"));

        assertThat(quote.median()).isEqualTo(Money.usd("60"));
    }

    private static VisionAnalysis analysis(String gtin) {
        return new VisionAnalysis("Nikon", "F3", "Film Cameras", Condition.USED_GOOD, "Nikon F3 body", "Works.",
                "nikon f3 body", Optional.of(gtin), Map.of("Brand", "Nikon"), 0.9);
    }
}
