package dev.boomer.providers;

import dev.boomer.adapter.ai.guard.GuardedVisionModel;
import dev.boomer.domain.market.MarketData;
import dev.boomer.domain.taxonomy.Taxonomy;
import dev.boomer.domain.vision.VisionModel;
import dev.boomer.resilience.BreakerOverride;
import dev.boomer.resilience.BreakerOverrides;
import dev.boomer.resilience.GuardState;
import dev.boomer.resilience.GuardedMarketData;
import dev.boomer.resilience.GuardedTaxonomy;
import dev.boomer.resilience.ProviderGuard;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every provider guard this instance runs (one per vision tier model, one per market source, one for the
 * category tree), for the Adapters page, health and the {@code boomer.provider.breaker.state} gauge (0
 * closed, 1 half-open, 2 open, 3 held open, -1 held closed by an operator). Operators' overrides are read
 * from the shared store every few seconds, so that one set on any instance reaches them all.
 */
@Singleton
public final class ProviderGuards {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderGuards.class);

    private final List<ProviderGuard> guards;
    private final BreakerOverrides overrides;

    ProviderGuards(VisionModel vision, List<MarketData> market, Taxonomy taxonomy, MeterRegistry meters,
                   BreakerOverrides overrides) {
        List<ProviderGuard> all = new ArrayList<>(vision instanceof GuardedVisionModel guarded ? guarded.guards()
                : List.of());
        market.stream().filter(GuardedMarketData.class::isInstance).map(GuardedMarketData.class::cast)
                .map(GuardedMarketData::guard).forEach(all::add);
        if (taxonomy instanceof GuardedTaxonomy guarded) {
            all.add(guarded.guard());
        }
        this.guards = List.copyOf(all);
        this.overrides = overrides;
        for (ProviderGuard guard : guards) {
            Gauge.builder("boomer.provider.breaker.state", guard, g -> stateCode(g.state().breaker()))
                    .tags("provider", guard.provider(), "model", guard.model()).register(meters);
        }
    }

    /** Whether this instance guards that provider model (only those can be held). */
    public boolean guards(String provider, String model) {
        return find(provider, model).isPresent();
    }

    /** An operator holds a breaker open or closed (empty: releases it), on every instance. */
    public void hold(String provider, String model, Optional<BreakerOverride.Held> held) {
        if (held.isPresent()) {
            overrides.hold(new BreakerOverride(provider, model, held.get()));
        } else {
            overrides.release(provider, model);
        }
        applyOverrides();
    }

    public Optional<BreakerOverride.Held> held(String provider, String model) {
        return find(provider, model).flatMap(ProviderGuard::held);
    }

    @Scheduled(fixedDelay = "${boomer.resilience.override-poll:3s}", initialDelay = "1s")
    void applyOverrides() {
        try {
            List<BreakerOverride> current = overrides.all();
            for (ProviderGuard guard : guards) {
                guard.hold(current.stream()
                        .filter(o -> o.provider().equals(guard.provider()) && o.model().equals(guard.model()))
                        .map(BreakerOverride::held).findFirst());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not read the breaker overrides (guards keep their current ones): {}", e.toString());
        }
    }

    private Optional<ProviderGuard> find(String provider, String model) {
        return guards.stream().filter(g -> g.provider().equals(provider) && g.model().equals(model)).findFirst();
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
