package dev.boomer.domain.market;

import dev.boomer.domain.item.Condition;
import dev.boomer.domain.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MarketQuoteTest {

    @Test
    void medianAndQuartilesAreOfTheTotalsPricePlusShipping() {
        List<ComparableSale> comps = List.of(sale("10", "0"), sale("20", "5"), sale("30", "0"), sale("40", "10"),
                sale("50", "0"));

        MarketQuote quote = MarketQuote.fromComps(PriceSource.EBAY, PriceKind.ACTIVE_ASKING, "nikon f3", comps,
                Screening.none(5), Instant.EPOCH);

        // totals 10, 25, 30, 50, 50
        assertThat(quote.median()).isEqualTo(Money.usd("30.00"));
        assertThat(quote.low()).isEqualTo(Money.usd("25.00"));
        assertThat(quote.high()).isEqualTo(Money.usd("50.00"));
        assertThat(quote.sampleSize()).isEqualTo(5);
        assertThat(quote.kind()).isEqualTo(PriceKind.ACTIVE_ASKING);
    }

    @Test
    void percentilesInterpolateBetweenRanks() {
        List<Money> sorted = List.of(Money.usd("10"), Money.usd("20"));

        assertThat(MarketQuote.percentile(sorted, 25)).isEqualTo(Money.usd("12.50"));
        assertThat(MarketQuote.percentile(sorted, 50)).isEqualTo(Money.usd("15.00"));
    }

    private static ComparableSale sale(String price, String shipping) {
        return new ComparableSale("Nikon F3", Money.usd(price), Money.usd(shipping), Condition.USED_GOOD,
                "https://example.test/" + price, Optional.empty());
    }
}
