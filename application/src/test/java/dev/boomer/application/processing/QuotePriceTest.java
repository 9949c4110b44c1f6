package dev.boomer.application.processing;

import dev.boomer.domain.fixtures.FakeMarketData;
import dev.boomer.domain.fixtures.InMemoryCache;
import dev.boomer.domain.item.Condition;
import dev.boomer.domain.listing.PricingPolicy;
import dev.boomer.domain.market.MarketQuery;
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
        FakeMarketData ebay = new FakeMarketData("ebay", "50").withoutGtins();
        FakeMarketData estimate = new FakeMarketData("estimate", "99");

        var quote = new QuotePrice(List.of(ebay, estimate), new InMemoryCache(), SETTINGS).quote(analysis("0018208012345"));

        assertThat(quote.median()).isEqualTo(Money.usd("50"));
        assertThat(ebay.asked()).extracting(MarketQuery::gtin)
                .containsExactly(Optional.of("0018208012345"), Optional.empty());
        assertThat(estimate.asked()).isEmpty();
    }

    @Test
    void aGtinTheSourceKnowsIsTheOnlyQuestion() {
        FakeMarketData ebay = new FakeMarketData("ebay", "50");

        new QuotePrice(List.of(ebay), new InMemoryCache(), SETTINGS).quote(analysis("0018208012345"));

        assertThat(ebay.asked()).hasSize(1);
        assertThat(ebay.asked().getFirst().describe()).isEqualTo("gtin 0018208012345");
    }

    private static VisionAnalysis analysis(String gtin) {
        return new VisionAnalysis("Nikon", "F3", "Film Cameras", Condition.USED_GOOD, "Nikon F3 body", "Works.",
                "nikon f3 body", Optional.of(gtin), Map.of("Brand", "Nikon"), 0.9);
    }
}
