package dev.boomer.domain.cost;

import dev.boomer.domain.money.Money;
import dev.boomer.domain.vision.Usage;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelPriceTest {

    private final ModelPrice haiku = ModelPrice.of("1.00", "5.00", "1.25", "0.10");

    @Test
    void costIsUsageTimesPriceExactly() {
        assertThat(haiku.costOf(new Usage(1_234, 321, 0, 0, 1))).isEqualTo(Money.usd("0.002839"));
    }

    @Test
    void cacheTokensArePricedAtTheirOwnRates() {
        assertThat(haiku.costOf(new Usage(0, 0, 4_096, 17, 0))).isEqualTo(Money.usd("0.0051217"));
    }

    @Test
    void aModelWithoutAPriceIsAnErrorNamingIt() {
        PriceTable table = new PriceTable(Map.of("claude-haiku-4-5", haiku));
        assertThatThrownBy(() -> table.requirePricesFor(Set.of("claude-haiku-4-5", "gpt-4.1-mini")))
                .isInstanceOfSatisfying(UnknownModelPrice.class, e -> assertThat(e.model()).isEqualTo("gpt-4.1-mini"));
    }
}
