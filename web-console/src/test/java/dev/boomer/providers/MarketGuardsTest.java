package dev.boomer.providers;

import dev.boomer.domain.item.Condition;
import dev.boomer.domain.market.MarketData;
import dev.boomer.domain.market.MarketQuery;
import dev.boomer.domain.provider.ProviderUnavailable;
import dev.boomer.resilience.GuardedMarketData;
import dev.boomer.resilience.ProviderGuard;
import dev.boomer.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every market source is created behind a guard configured by boomer.market.<source>.limits. */
class MarketGuardsTest {

    @Test
    void aMarketSourceOutOfItsCallsForTheDayIsRefusedLikeADownOne() {
        Map<String, Object> properties = new HashMap<>(TestApp.properties());
        properties.put("boomer.market.simulated.limits.calls-per-day", "2");
        properties.put("boomer.resilience.max-queue-wait", "0s");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            List<MarketData> sources = List.copyOf(context.getBeansOfType(MarketData.class));
            MarketQuery query = new MarketQuery(Optional.empty(), "canon ae-1 program", Condition.USED_GOOD,
                    java.util.Currency.getInstance("USD"));

            assertThat(sources).extracting(MarketData::name).containsExactlyInAnyOrder("simulated", "history");
            assertThat(sources).allSatisfy(source -> assertThat(source).isInstanceOf(GuardedMarketData.class));
            MarketData market = sources.stream().filter(source -> source.name().equals("simulated")).findFirst()
                    .orElseThrow();
            assertThat(market.quote(query)).isPresent();
            assertThat(market.quote(query)).isPresent();
            assertThatThrownBy(() -> market.quote(query)).isInstanceOfSatisfying(ProviderUnavailable.class,
                    e -> assertThat(e.code()).isEqualTo(ProviderGuard.THROTTLED));
            assertThat(context.getBean(ProviderGuards.class).states())
                    .anySatisfy(state -> {
                        assertThat(state.provider()).isEqualTo("simulated");
                        assertThat(state.model()).isEqualTo(MarketGuards.MODEL);
                        assertThat(state.callsLeftToday()).contains(0L);
                    });
        }
    }
}
