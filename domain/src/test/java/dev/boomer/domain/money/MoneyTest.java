package dev.boomer.domain.money;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void additionIsExactWithoutRounding() {
        assertThat(Money.usd("0.0000001").plus(Money.usd("0.0000002"))).isEqualTo(Money.usd("0.0000003"));
    }

    @Test
    void equalAmountsWithDifferentScalesAreEqual() {
        assertThat(Money.usd("1.50")).isEqualTo(Money.usd("1.5"));
    }

    @Test
    void centsRoundHalfUp() {
        assertThat(Money.usd("12.345").toCents().plain()).isEqualTo("12.35");
    }

    @Test
    void plainKeepsAtLeastTheMinorDigits() {
        assertThat(Money.usd("12").plain()).isEqualTo("12.00");
        assertThat(Money.usd("0.004092").plain()).isEqualTo("0.004092");
    }

    @Test
    void currenciesDoNotMix() {
        assertThatThrownBy(() -> Money.usd("1").plus(Money.of("1", "EUR")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EUR");
    }
}
