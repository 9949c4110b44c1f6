package dev.boomer.domain.market;

import dev.boomer.domain.item.Condition;
import dev.boomer.domain.money.Money;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class OutlierRuleTest {

    @Test
    void partsAndLotsDoNotPriceAWorkingItem() {
        List<ComparableSale> found = List.of(sale("Nikon F3 body", "200"), sale("Nikon F3 FOR PARTS", "40"),
                sale("Lot of 3 Nikon F3", "450"), sale("Nikon F3 HP", "230"));

        OutlierRule.Screened screened = OutlierRule.screen(found, query("nikon f3", Condition.USED_GOOD));

        assertThat(screened.kept()).extracting(ComparableSale::title).containsExactly("Nikon F3 body", "Nikon F3 HP");
        assertThat(screened.screening()).isEqualTo(new Screening(OutlierRule.RULE, 4, 2));
        assertThat(screened.screening().removed()).isEqualTo(2);
    }

    @Test
    void anItemForPartsIsPricedByOtherPartsListings() {
        List<ComparableSale> found = List.of(sale("Nikon F3 for parts", "40"), sale("Nikon F3 broken shutter", "45"));

        assertThat(OutlierRule.screen(found, query("nikon f3", Condition.FOR_PARTS_OR_NOT_WORKING)).kept()).hasSize(2);
    }

    @Test
    void totalsFarOutsideTheQuartilesAreLeftOut() {
        List<ComparableSale> found = Stream.of("100", "105", "110", "95", "98", "102", "900", "5")
                .map(price -> sale("Nikon F3", price)).toList();

        List<ComparableSale> kept = OutlierRule.screen(found, query("nikon f3", Condition.USED_GOOD)).kept();

        assertThat(kept).extracting(sale -> sale.price().amount().intValue())
                .containsExactly(100, 105, 110, 95, 98, 102);
    }

    @Test
    void shippingCountsTowardsAnOutlier() {
        List<ComparableSale> found = List.of(sale("a", "100"), sale("b", "101"), sale("c", "99"), sale("d", "100"),
                new ComparableSale("e", Money.usd("100"), Money.usd("150"), Condition.USED_GOOD, "https://x/e",
                        java.util.Optional.empty()));

        assertThat(OutlierRule.screen(found, query("nikon f3", Condition.USED_GOOD)).kept()).extracting(ComparableSale::title)
                .containsExactly("a", "b", "c", "d");
    }

    @Test
    void withFewerThanFourComparablesNoneIsFencedOff() {
        List<ComparableSale> found = List.of(sale("a", "10"), sale("b", "500"), sale("c", "20"));

        assertThat(OutlierRule.screen(found, query("nikon f3", Condition.USED_GOOD)).kept()).hasSize(3);
    }

    @Test
    void wordsTheQueryItselfSaysDoNotLeaveAComparableOut() {
        List<ComparableSale> found = List.of(sale("Lot of 3 Harry Potter books", "20"), sale("Harry Potter book 1", "5"));

        assertThat(OutlierRule.screen(found, query("lot of 3 harry potter books", Condition.USED_GOOD)).kept())
                .extracting(ComparableSale::title).contains("Lot of 3 Harry Potter books");
    }

    private static MarketQuery query(String words, Condition condition) {
        return new MarketQuery(java.util.Optional.empty(), words, condition, java.util.Currency.getInstance("USD"));
    }

    private static ComparableSale sale(String title, String price) {
        return new ComparableSale(title, Money.usd(price), Condition.USED_GOOD, "https://example.test/" + price);
    }
}
