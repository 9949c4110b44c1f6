package dev.boomer.wiring;

import dev.boomer.domain.fixtures.FakeMarketData;
import dev.boomer.domain.market.MarketData;
import dev.boomer.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarketSourcesTest {

    private static final List<MarketData> BEANS = List.of(new FakeMarketData("history"), new FakeMarketData("ebay"),
            new FakeMarketData("simulated"));

    @Test
    void byDefaultTheProvidersSourceComesFirstAndThenTheHistory() {
        assertThat(MarketSources.order(BEANS, "ebay", List.of())).extracting(MarketData::name)
                .containsExactly("ebay", "history");
    }

    @Test
    void aConfiguredOrderIsKept() {
        assertThat(MarketSources.order(BEANS, "ebay", List.of("history", " EBAY "))).extracting(MarketData::name)
                .containsExactly("history", "ebay");
    }

    @Test
    void aSourceThatIsNotHereStopsTheStartNamingTheOnesThatAre() {
        assertThatThrownBy(() -> MarketSources.order(BEANS, "simulated", List.of("simulated", "terapeak")))
                .hasMessageContaining("'terapeak'").hasMessageContaining("[ebay, history, simulated]");
    }

    @Test
    void theApplicationAsksTheSimulatedMarketAndThenItsHistory() {
        Map<String, Object> properties = new HashMap<>(TestApp.properties());
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertThat(context.getBean(MarketSources.class).inOrder()).extracting(MarketData::name)
                    .containsExactly("simulated", "history");
        }
    }
}
