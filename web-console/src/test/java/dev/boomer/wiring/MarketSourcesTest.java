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
    void byDefaultTheProvidersSourceComesFirstThenTheHistoryThenTheEstimateWhereThereIsOne() {
        assertThat(MarketSources.names("ebay", List.of(), false)).containsExactly("ebay", "history");
        assertThat(MarketSources.names("simulated", List.of(), true)).containsExactly("simulated", "history", "estimate");
        assertThat(MarketSources.order(BEANS, List.of("ebay", "history", "estimate"))).extracting(MarketData::name)
                .containsExactly("ebay", "history");
    }

    @Test
    void aConfiguredOrderIsKept() {
        assertThat(MarketSources.order(BEANS, MarketSources.names("ebay", List.of("history", " EBAY "), true)))
                .extracting(MarketData::name).containsExactly("history", "ebay");
    }

    @Test
    void aSourceThatIsNotHereStopsTheStartNamingTheOnesThatAre() {
        assertThatThrownBy(() -> MarketSources.order(BEANS, List.of("simulated", "terapeak")))
                .hasMessageContaining("'terapeak'").hasMessageContaining("[ebay, history, simulated]");
    }

    @Test
    void theEstimateComesOnlyLast() {
        assertThatThrownBy(() -> MarketSources.names("ebay", List.of("estimate", "ebay"), true))
                .hasMessageContaining("last resort");
    }

    @Test
    void theApplicationAsksTheSimulatedMarketThenItsHistoryThenTheEstimate() {
        Map<String, Object> properties = new HashMap<>(TestApp.properties());
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            MarketSources sources = context.getBean(MarketSources.class);
            assertThat(sources.inOrder()).extracting(MarketData::name).containsExactly("simulated", "history");
            assertThat(sources.estimator()).as("the simulated model estimates as the last resort").isPresent();
            assertThat(sources.names()).containsExactly("simulated", "history", "estimate (claude-haiku-4-5)");
        }
    }
}
