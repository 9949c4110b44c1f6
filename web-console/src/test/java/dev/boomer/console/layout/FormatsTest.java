package dev.boomer.console.layout;

import dev.boomer.domain.money.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    @Test
    void aLimitShowsEverySubCentDigitItHasAndAtLeastCents() {
        assertThat(Formats.limit(Money.usd("0.006"))).isEqualTo("$0.006");
        assertThat(Formats.limit(Money.usd("0.001"))).isEqualTo("$0.001");
        assertThat(Formats.limit(Money.usd("5"))).isEqualTo("$5.00");
        assertThat(Formats.limit(Money.usd("0.80"))).isEqualTo("$0.80");
        assertThat(Formats.limit(Money.usd("1.2345"))).isEqualTo("$1.2345");
    }
}
