package dev.boomer.console.items;

import dev.boomer.domain.market.PriceKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PriceBasisTest {

    @Test
    void theKindOfPricesIsSaidInWords() {
        assertThat(PriceBasis.inWords(PriceKind.ACTIVE_ASKING, 12)).isEqualTo("12 active listings asking");
        assertThat(PriceBasis.inWords(PriceKind.ACTIVE_ASKING, 1)).isEqualTo("1 active listing asking");
        assertThat(PriceBasis.inWords(PriceKind.SOLD, 3)).isEqualTo("3 sold listings");
        assertThat(PriceBasis.inWords(PriceKind.AI_ESTIMATE, 0)).contains("AI estimate");
        assertThat(PriceBasis.inWords(PriceKind.SIMULATED, 8)).startsWith("8 simulated listings");
    }
}
