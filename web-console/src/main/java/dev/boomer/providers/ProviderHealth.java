package dev.boomer.providers;

import dev.boomer.resilience.GuardState;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import io.micronaut.core.async.publisher.Publishers;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code providers} in {@code /health}: UP while every breaker lets calls through, DEGRADED while one holds
 * them back (items wait for it; the instance still serves), with each breaker's state as details.
 */
@Singleton
final class ProviderHealth implements HealthIndicator {

    static final HealthStatus DEGRADED = new HealthStatus("DEGRADED", "a provider's breaker is open", true, 700);

    private final ProviderGuards guards;

    ProviderHealth(ProviderGuards guards) {
        this.guards = guards;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean degraded = false;
        for (GuardState state : guards.states()) {
            details.put(state.provider() + ":" + state.model(), state.breaker());
            degraded |= state.degraded();
        }
        return Publishers.just(HealthResult.builder("providers", degraded ? DEGRADED : HealthStatus.UP)
                .details(details).build());
    }
}
