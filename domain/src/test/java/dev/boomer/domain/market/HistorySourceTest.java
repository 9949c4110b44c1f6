package dev.boomer.domain.market;

import dev.boomer.domain.fixtures.InMemoryPriceHistory;
import dev.boomer.domain.fixtures.MutableClock;
import dev.boomer.domain.item.Condition;
import dev.boomer.domain.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HistorySourceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final MarketQuery QUERY = new MarketQuery(Optional.of("0018208012345"), "nikon f3 body",
            Condition.USED_GOOD, Currency.getInstance("USD"));

    private final InMemoryPriceHistory history = new InMemoryPriceHistory();
    private final MutableClock clock = new MutableClock(NOW);
    private final HistorySource source = new HistorySource(history, clock);

    @Test
    void comparablesSeenBeforeAreAHistoryQuoteWithTheDaysTheyWereSeen() {
        history.record(QUERY, quote(NOW.minus(Duration.ofDays(20)), "200", "210"));
        history.record(QUERY, quote(NOW.minus(Duration.ofDays(2)), "220", "230", "240"));

        MarketQuote quote = source.quote(QUERY).orElseThrow();

        assertThat(quote.source()).isEqualTo(PriceSource.HISTORY);
        assertThat(quote.kind()).isEqualTo(PriceKind.HISTORY);
        assertThat(quote.sampleSize()).isEqualTo(5);
        assertThat(quote.median()).isEqualTo(Money.usd("220"));
        assertThat(quote.query()).isEqualTo("gtin 0018208012345 (seen 2026-11-11 to 2026-11-29)");
        assertThat(quote.screening().rule()).isEqualTo(OutlierRule.RULE);
    }

    @Test
    void nothingSeenInTheLastNinetyDaysIsNoQuote() {
        history.record(QUERY, quote(NOW.minus(Duration.ofDays(91)), "200"));

        assertThat(source.quote(QUERY)).isEmpty();
    }

    private static MarketQuote quote(Instant at, String... prices) {
        List<ComparableSale> sales = java.util.Arrays.stream(prices).map(p -> new ComparableSale("Nikon F3 " + p + at,
                Money.usd(p), Condition.USED_GOOD, "https://www.ebay.com/itm/" + p + at.getEpochSecond())).toList();
        return MarketQuote.fromComps(PriceSource.EBAY, PriceKind.ACTIVE_ASKING, "q", sales, Screening.none(sales.size()), at);
    }
}
