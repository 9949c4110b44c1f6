package dev.boomer.providers;

import dev.boomer.adapter.ai.guard.GuardedVisionModel;
import dev.boomer.domain.vision.VisionModel;
import dev.boomer.resilience.GuardState;
import dev.boomer.resilience.ProviderGuard;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Every provider guard this instance runs (one per vision tier model), for the Adapters page, health and
 * the {@code boomer.provider.breaker.state} gauge (0 closed, 1 half-open, 2 open, 3 forced open, -1
 * disabled by an operator).
 */
@Singleton
public final class ProviderGuards {

    private final List<ProviderGuard> guards;

    ProviderGuards(VisionModel vision, MeterRegistry meters) {
        this.guards = vision instanceof GuardedVisionModel guarded ? guarded.guards() : List.of();
        for (ProviderGuard guard : guards) {
            Gauge.builder("boomer.provider.breaker.state", guard, g -> stateCode(g.state().breaker()))
                    .tags("provider", guard.provider(), "model", guard.model()).register(meters);
        }
    }

    public List<GuardState> states() {
        return guards.stream().map(ProviderGuard::state).toList();
    }

    static int stateCode(String state) {
        return switch (state) {
            case "CLOSED" -> 0;
            case "HALF_OPEN" -> 1;
            case "OPEN" -> 2;
            case "FORCED_OPEN" -> 3;
            default -> -1;
        };
    }
}
