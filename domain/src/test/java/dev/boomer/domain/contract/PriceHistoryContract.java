package dev.boomer.domain.contract;

import dev.boomer.domain.item.Condition;
import dev.boomer.domain.market.ComparableSale;
import dev.boomer.domain.market.MarketQuery;
import dev.boomer.domain.market.MarketQuote;
import dev.boomer.domain.market.PriceHistory;
import dev.boomer.domain.market.PriceKind;
import dev.boomer.domain.market.PriceSource;
import dev.boomer.domain.market.Screening;
import dev.boomer.domain.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What every price history keeps: run against the in-memory fake and PostgreSQL. */
public abstract class PriceHistoryContract {

    protected static final Instant DAY_1 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Currency USD = Currency.getInstance("USD");

    protected abstract PriceHistory history();

    @Test
    void comparablesAreFoundAgainByTheGtinAndByTheWordsOfTheQueryThatFoundThem() {
        MarketQuery byGtin = query(Optional.of("0018208012345"), "nikon f3 body", Condition.USED_GOOD);
        history().record(byGtin, quote(DAY_1, sale("a", "200.00", "10.00"), sale("b", "220.00", "0")));

        List<PriceHistory.Observation> seen = history().seen(byGtin, DAY_1.minus(Duration.ofDays(1)), 10);
        List<PriceHistory.Observation> byWords = history().seen(byGtin.byWordsOnly(), DAY_1.minus(Duration.ofDays(1)), 10);

        assertThat(seen).extracting(o -> o.sale().url()).containsExactlyInAnyOrder("https://www.ebay.com/itm/a",
                "https://www.ebay.com/itm/b");
        assertThat(seen).allSatisfy(o -> {
            assertThat(o.source()).isEqualTo(PriceSource.EBAY);
            assertThat(o.seenAt()).isEqualTo(DAY_1);
        });
        assertThat(seen).filteredOn(o -> o.sale().url().endsWith("/a")).singleElement().satisfies(o -> {
            assertThat(o.sale().price()).isEqualTo(Money.usd("200"));
            assertThat(o.sale().shipping()).isEqualTo(Money.usd("10"));
            assertThat(o.sale().listedAt()).contains(DAY_1.minus(Duration.ofDays(3)));
        });
        assertThat(byWords).hasSize(2);
    }

    @Test
    void aListingFoundByTwoQueriesIsInTheHistoryOfBoth() {
        MarketQuery body = query(Optional.empty(), "nikon f3 body", Condition.USED_GOOD);
        MarketQuery camera = query(Optional.empty(), "nikon f3 camera", Condition.USED_GOOD);
        history().record(body, quote(DAY_1, sale("a", "200.00", "0")));
        history().record(camera, quote(DAY_1.plusSeconds(60), sale("a", "200.00", "0")));

        assertThat(history().seen(body, DAY_1.minusSeconds(1), 10)).hasSize(1);
        assertThat(history().seen(camera, DAY_1.minusSeconds(1), 10)).hasSize(1);
    }

    @Test
    void aGtinIsTheSameWhicheverFormItWasReadIn() {
        history().record(query(Optional.of("045496730994"), "game boy color", Condition.USED_GOOD),
                quote(DAY_1, sale("a", "80.00", "0")));

        assertThat(history().seen(query(Optional.of("0045496730994"), "gameboy", Condition.USED_GOOD),
                DAY_1.minusSeconds(1), 10)).hasSize(1);
    }

    @Test
    void aListingSeenAgainCountsOnceAtItsLatestPrice() {
        MarketQuery query = query(Optional.empty(), "nikon f3 body", Condition.USED_GOOD);
        history().record(query, quote(DAY_1, sale("a", "200.00", "0")));
        history().record(query, quote(DAY_1.plusSeconds(3600), sale("a", "210.00", "0")));
        history().record(query, quote(DAY_1.plus(Duration.ofDays(2)), sale("a", "190.00", "0")));

        List<PriceHistory.Observation> seen = history().seen(query, DAY_1.minus(Duration.ofDays(1)), 10);

        assertThat(seen).singleElement().satisfies(o -> {
            assertThat(o.sale().price()).isEqualTo(Money.usd("190"));
            assertThat(o.seenAt()).isEqualTo(DAY_1.plus(Duration.ofDays(2)));
        });
    }

    @Test
    void otherConditionsOlderObservationsAndOtherProductsAreLeftOut() {
        MarketQuery query = query(Optional.empty(), "nikon f3 body", Condition.USED_GOOD);
        history().record(query, quote(DAY_1, sale("old", "200.00", "0")));
        history().record(query(Optional.empty(), "nikon f3 body", Condition.NEW), quote(DAY_1.plusSeconds(60),
                sale("new", "400.00", "0")));
        history().record(query(Optional.empty(), "canon ae-1", Condition.USED_GOOD), quote(DAY_1.plusSeconds(60),
                sale("canon", "150.00", "0")));

        assertThat(history().seen(query, DAY_1.plusSeconds(1), 10)).isEmpty();
        assertThat(history().seen(query, DAY_1.minusSeconds(1), 10)).extracting(o -> o.sale().url())
                .containsExactly("https://www.ebay.com/itm/old");
    }

    @Test
    void theNewestComeFirstUpToTheLimit() {
        MarketQuery query = query(Optional.empty(), "nikon f3 body", Condition.USED_GOOD);
        for (int i = 0; i < 5; i++) {
            history().record(query, quote(DAY_1.plusSeconds(i), sale("l" + i, "100.00", "0")));
        }

        assertThat(history().seen(query, DAY_1.minusSeconds(1), 3)).extracting(o -> o.sale().url())
                .containsExactly("https://www.ebay.com/itm/l4", "https://www.ebay.com/itm/l3",
                        "https://www.ebay.com/itm/l2");
    }

    protected static MarketQuery query(Optional<String> gtin, String words, Condition condition) {
        return new MarketQuery(gtin, words, condition, USD);
    }

    protected static MarketQuote quote(Instant at, ComparableSale... sales) {
        return MarketQuote.fromComps(PriceSource.EBAY, PriceKind.ACTIVE_ASKING, "q", List.of(sales),
                Screening.none(sales.length), at);
    }

    protected static ComparableSale sale(String id, String price, String shipping) {
        return new ComparableSale("Nikon F3 " + id, Money.usd(price), Money.usd(shipping), Condition.USED_EXCELLENT,
                "https://www.ebay.com/itm/" + id, Optional.of(DAY_1.minus(Duration.ofDays(3))));
    }
}
