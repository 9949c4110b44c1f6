package dev.boomer.adapter.market.simulated;

import dev.boomer.domain.item.Condition;
import dev.boomer.domain.market.ComparableSale;
import dev.boomer.domain.market.MarketQuery;
import dev.boomer.domain.market.MarketQuote;
import dev.boomer.domain.market.PriceSource;
import dev.boomer.domain.market.ProductMatch;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.provider.ProviderUnavailable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedMarketDataTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final SimulatedMarketData market = new SimulatedMarketData(SimulatedMarketConfig.DEFAULTS, CLOCK);

    @Test
    void theSameQueryAlwaysGetsTheSameQuote() {
        MarketQuery query = query("Canon AE-1 film camera", Condition.USED_GOOD);

        MarketQuote first = market.quote(query).orElseThrow();
        MarketQuote second = new SimulatedMarketData(SimulatedMarketConfig.DEFAULTS, CLOCK).quote(query).orElseThrow();

        assertThat(second).isEqualTo(first);
        assertThat(first.source()).isEqualTo(PriceSource.SIMULATED);
        assertThat(first.quotedAt()).isEqualTo(NOW);
    }

    @Test
    void differentQueriesAndSeedsGetDifferentMarkets() {
        MarketQuery query = query("Canon AE-1 film camera", Condition.NEW);
        MarketQuote base = market.quote(query).orElseThrow();

        MarketQuote otherItem = market.quote(query("Nikon FM2 film camera", Condition.NEW)).orElseThrow();
        MarketQuote otherSeed = new SimulatedMarketData(new SimulatedMarketConfig(Duration.ZERO, 0, 42), CLOCK)
                .quote(query).orElseThrow();

        assertThat(otherItem.comps()).isNotEqualTo(base.comps());
        assertThat(otherSeed.comps()).isNotEqualTo(base.comps());
    }

    @Test
    void aGtinDecidesTheMarketWhateverTheWording() {
        MarketQuery one = new MarketQuery(Optional.of("0885909950805"), "Mug with logo", Condition.NEW, Money.USD);
        MarketQuery other = new MarketQuery(Optional.of("0885909950805"), "mug, logo", Condition.NEW, Money.USD);

        assertThat(prices(market.quote(one).orElseThrow())).isEqualTo(prices(market.quote(other).orElseThrow()));
    }

    @Test
    void aGtinsSimulatedListingsNameTheProductTheyWereMadeForAndWordsNameNone() {
        MarketQuery byGtin = new MarketQuery(Optional.of("4960999123455"), "Canon AE-1 Program", Condition.USED_GOOD,
                Money.USD);

        ProductMatch match = market.quote(byGtin).orElseThrow().product().orElseThrow();

        assertThat(match.title()).isEqualTo("Canon AE-1 Program");
        assertThat(match.source()).isEqualTo(PriceSource.SIMULATED);
        assertThat(match.brand()).isEmpty();
        assertThat(market.quote(byGtin.byWordsOnly()).orElseThrow().product()).isEmpty();
    }

    @Test
    void everyQuoteHasSixToTwentyWellFormedComparables() {
        for (int i = 0; i < 200; i++) {
            String text = "thing number " + i;
            MarketQuote quote = market.quote(query(text, Condition.USED_VERY_GOOD)).orElseThrow();

            assertThat(quote.sampleSize()).isBetween(6, 20).isEqualTo(quote.comps().size());
            assertThat(quote.comps()).allSatisfy(comp -> {
                assertThat(comp.title()).contains(text).hasSizeLessThanOrEqualTo(80);
                assertThat(comp.url()).as("a real eBay search, not a made-up listing page")
                        .matches("https://www\\.ebay\\.com/sch/i\\.html\\?_nkw=thing\\+number\\+\\d+&LH_ItemCondition=4000"
                                + "&simulated=[1-9][0-9]{11}");
                assertThat(comp.condition()).isEqualTo(Condition.USED_VERY_GOOD);
                assertThat(comp.price().currency()).isEqualTo(Money.USD);
                assertThat(comp.price().amount().scale()).isLessThanOrEqualTo(2);
            });
        }
    }

    @ParameterizedTest
    @CsvSource({
            "Canon AE-1 film camera, 150, 400",
            "Sony digital camera with strap, 150, 400",
            "The Hobbit hardcover book, 8, 25",
            "Nike running sneakers size 10, 40, 120",
            "leather dress shoe, 40, 120",
            "Starbucks coffee mug, 10, 35",
            "Seiko automatic watch, 80, 250",
            "Nintendo Game Boy Color console, 50, 140",
            "ceramic flower vase, 12, 40",
            "Lego Star Wars set, 15, 80"})
    void newPricesStayInTheCategoryBand(String text, BigDecimal low, BigDecimal high) {
        for (String variant : List.of(text, text + " blue", text + " vintage", text + " 1998", text + " lot")) {
            MarketQuote quote = market.quote(query(variant, Condition.NEW)).orElseThrow();

            assertThat(quote.comps()).allSatisfy(comp ->
                    assertThat(comp.price().amount()).isBetween(low, high));
        }
    }

    @Test
    void aCheapWordDoesNotPriceACameraDown() {
        MarketQuote quote = market.quote(query("camera with book and mug", Condition.NEW)).orElseThrow();

        assertThat(quote.median().amount()).isGreaterThanOrEqualTo(new BigDecimal("150"));
    }

    @ParameterizedTest
    @EnumSource(value = Condition.class, names = {"LIKE_NEW", "USED_EXCELLENT", "USED_GOOD", "USED_ACCEPTABLE",
            "FOR_PARTS_OR_NOT_WORKING"})
    void newFetchesMoreThanAnyWorseCondition(Condition worse) {
        for (String text : List.of("Canon AE-1 film camera", "Harry Potter paperback book", "Ikea mug", "a lamp")) {
            Money asNew = market.quote(query(text, Condition.NEW)).orElseThrow().median();
            Money used = market.quote(query(text, worse)).orElseThrow().median();

            assertThat(asNew).isGreaterThan(used);
        }
    }

    @Test
    void oneItemInTwoConditionsHasDifferentListings() {
        MarketQuote asNew = market.quote(query("Ikea mug", Condition.NEW)).orElseThrow();
        MarketQuote used = market.quote(query("Ikea mug", Condition.USED_GOOD)).orElseThrow();

        assertThat(used.comps()).extracting(ComparableSale::url)
                .doesNotContainAnyElementsOf(asNew.comps().stream().map(ComparableSale::url).toList());
    }

    @Test
    void conditionsRankAsBuyersPayForThem() {
        String text = "Nike Air Max 90 sneakers";
        List<Money> medians = List.of(Condition.NEW, Condition.LIKE_NEW, Condition.USED_EXCELLENT,
                        Condition.USED_GOOD, Condition.USED_ACCEPTABLE, Condition.FOR_PARTS_OR_NOT_WORKING).stream()
                .map(condition -> market.quote(query(text, condition)).orElseThrow().median()).toList();

        assertThat(medians).isSortedAccordingTo((a, b) -> b.compareTo(a)).doesNotHaveDuplicates();
        BigDecimal ratio = medians.getLast().amount().divide(medians.getFirst().amount(), 2,
                java.math.RoundingMode.HALF_UP);
        assertThat(ratio).isBetween(new BigDecimal("0.25"), new BigDecimal("0.35"));
    }

    @Test
    void pricesAreInTheQueryCurrency() {
        Currency eur = Currency.getInstance("EUR");
        MarketQuote quote = market.quote(new MarketQuery(Optional.empty(), "coffee mug", Condition.NEW, eur))
                .orElseThrow();

        assertThat(quote.comps()).extracting(comp -> comp.price().currency()).containsOnly(eur);
        assertThat(quote.median().currency()).isEqualTo(eur);
    }

    @Test
    void unobtainiumHasNoMarket() {
        assertThat(market.quote(query("Unobtainium widget", Condition.NEW))).isEmpty();
        assertThat(market.quote(query("rare unobtainium ore", Condition.USED_GOOD))).isEmpty();
    }

    @Test
    void everyCallFailsAtFailureRateOne() {
        SimulatedMarketData down = new SimulatedMarketData(new SimulatedMarketConfig(Duration.ZERO, 1, 0), CLOCK);

        assertThatThrownBy(() -> down.quote(query("coffee mug", Condition.NEW)))
                .isInstanceOfSatisfying(ProviderUnavailable.class, e -> {
                    assertThat(e.provider()).isEqualTo("simulated");
                    assertThat(e.code()).isEqualTo("simulated_outage");
                });
    }

    @Test
    void aPartialFailureRateFailsAboutThatShareOfCallsReproducibly() {
        SimulatedMarketConfig flaky = new SimulatedMarketConfig(Duration.ZERO, 0.3, 7);

        List<Boolean> first = outcomes(new SimulatedMarketData(flaky, CLOCK), 1000);
        List<Boolean> second = outcomes(new SimulatedMarketData(flaky, CLOCK), 1000);

        long failures = first.stream().filter(failed -> failed).count();
        assertThat(failures).isBetween(240L, 360L);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void noCallFailsAtFailureRateZero() {
        assertThat(outcomes(market, 500)).containsOnly(false);
    }

    @Test
    void configRefusesImpossibleKnobs() {
        assertThatThrownBy(() -> new SimulatedMarketConfig(Duration.ZERO, 1.5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failure-rate");
        assertThatThrownBy(() -> new SimulatedMarketConfig(Duration.ZERO, Double.NaN, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failure-rate");
        assertThatThrownBy(() -> new SimulatedMarketConfig(Duration.ofMillis(-1), 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latency");
    }

    @Test
    void charmPricesEndLikeSellersPricesWithoutGoingUpOrUnderTheFloor() {
        assertThat(SimulatedComps.charm(new BigDecimal("23.40"), BigDecimal.ONE, new BigDecimal("0.99")))
                .isEqualByComparingTo("22.99");
        assertThat(SimulatedComps.charm(new BigDecimal("23.40"), BigDecimal.ONE, new BigDecimal("0.00")))
                .isEqualByComparingTo("23.00");
        assertThat(SimulatedComps.charm(new BigDecimal("8.404"), new BigDecimal("8"), new BigDecimal("0.99")))
                .isEqualByComparingTo("8.40");
    }

    private static List<Boolean> outcomes(SimulatedMarketData market, int calls) {
        List<Boolean> failed = new ArrayList<>();
        IntStream.range(0, calls).forEach(i -> {
            try {
                market.quote(query("coffee mug", Condition.NEW));
                failed.add(false);
            } catch (ProviderUnavailable e) {
                failed.add(true);
            }
        });
        return failed;
    }

    private static List<Money> prices(MarketQuote quote) {
        return quote.comps().stream().map(ComparableSale::price).toList();
    }

    private static MarketQuery query(String text, Condition condition) {
        return new MarketQuery(Optional.empty(), text, condition, Money.USD);
    }
}
