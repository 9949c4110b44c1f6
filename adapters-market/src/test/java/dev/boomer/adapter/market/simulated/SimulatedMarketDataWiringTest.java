package dev.boomer.adapter.market.simulated;

import dev.boomer.domain.market.MarketData;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedMarketDataWiringTest {

    // The composition root provides the Clock; this context has to bring its own.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:30Z"), ZoneOffset.UTC);

    @Test
    void simulatedIsTheMarketWhenNoProviderIsConfigured() {
        try (ApplicationContext context = start(Map.of())) {
            MarketData market = context.getBean(MarketData.class);

            assertThat(market).isInstanceOf(SimulatedMarketData.class);
            assertThat(market.name()).isEqualTo("simulated");
            assertThat(context.getBean(SimulatedMarketConfig.class)).isEqualTo(SimulatedMarketConfig.DEFAULTS);
        }
    }

    @Test
    void simulatedIsTheMarketWhenAskedForByName() {
        try (ApplicationContext context = start(Map.of("boomer.market.provider", "simulated"))) {
            assertThat(context.getBean(MarketData.class)).isInstanceOf(SimulatedMarketData.class);
        }
    }

    @Test
    void simulatedStepsAsideWhenAnotherProviderIsConfigured() {
        try (ApplicationContext context = start(Map.of("boomer.market.provider", "ebay",
                "boomer.market.ebay.client-id", "id", "boomer.market.ebay.client-secret", "secret"))) {
            assertThat(context.getBeansOfType(MarketData.class)).extracting(MarketData::name).containsExactly("ebay");
        }
    }

    @Test
    void knobsBindFromConfiguration() {
        try (ApplicationContext context = start(Map.of(
                "boomer.market.simulated.latency", "250ms",
                "boomer.market.simulated.failure-rate", "0.2",
                "boomer.market.simulated.seed", "99"))) {
            assertThat(context.getBean(SimulatedMarketConfig.class))
                    .isEqualTo(new SimulatedMarketConfig(Duration.ofMillis(250), 0.2, 99));
        }
    }

    private static ApplicationContext start(Map<String, Object> properties) {
        return ApplicationContext.builder().properties(properties).singletons(CLOCK).start();
    }
}
