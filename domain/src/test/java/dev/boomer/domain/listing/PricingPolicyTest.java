package dev.boomer.domain.listing;

import dev.boomer.domain.item.Condition;
import dev.boomer.domain.market.ComparableSale;
import dev.boomer.domain.market.MarketQuote;
import dev.boomer.domain.market.PriceKind;
import dev.boomer.domain.market.PriceSource;
import dev.boomer.domain.market.Screening;
import dev.boomer.domain.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PricingPolicyTest {

    @Test
    void activeAskingPricesAreDiscountedByTheConfiguredShare() {
        PricingPolicy policy = new PricingPolicy(new BigDecimal("0.15"));

        assertThat(policy.suggest(quote(PriceKind.ACTIVE_ASKING, "100.00"))).isEqualTo(Money.usd("85.00"));
        assertThat(policy.describe(PriceKind.ACTIVE_ASKING)).contains("less 15 %");
    }

    @Test
    void soldPricesAreTakenAtTheirMedian() {
        assertThat(PricingPolicy.DEFAULT.suggest(quote(PriceKind.SOLD, "100.00"))).isEqualTo(Money.usd("100.00"));
        assertThat(PricingPolicy.DEFAULT.describe(PriceKind.SOLD)).contains("shipping included");
    }

    @Test
    void historyKeepsAskingPricesSoItIsDiscountedLikeThem() {
        assertThat(PricingPolicy.DEFAULT.suggest(quote(PriceKind.HISTORY, "100.00"))).isEqualTo(Money.usd("90.00"));
    }

    @Test
    void aDiscountOutsideZeroToNinetyPercentIsRefused() {
        assertThatThrownBy(() -> new PricingPolicy(new BigDecimal("0.95")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..0.9");
        assertThatThrownBy(() -> new PricingPolicy(new BigDecimal("-0.1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void evidenceStoredBeforeKindsWereRecordedReadsAsItsSourcesUsualKind() {
        PriceEvidence old = new PriceEvidence(PriceSource.EBAY, null, null, 1, Money.usd("10"), Money.usd("10"),
                Money.usd("10"), List.of(), null, null);

        assertThat(old.kind()).isEqualTo(PriceKind.ACTIVE_ASKING);
        assertThat(old.screening().kept()).isEqualTo(1);
        assertThat(old.pricing()).isEqualTo("median");
    }

    private static MarketQuote quote(PriceKind kind, String price) {
        List<ComparableSale> comps = List.of(new ComparableSale("x", Money.usd(price), Condition.USED_GOOD, "https://x"));
        return MarketQuote.fromComps(PriceSource.EBAY, kind, "x", comps, Screening.none(1), Instant.EPOCH);
    }
}
