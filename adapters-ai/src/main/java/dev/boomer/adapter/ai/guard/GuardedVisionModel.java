package dev.boomer.adapter.ai.guard;

import dev.boomer.domain.market.PriceEstimator;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.vision.VisionModel;
import dev.boomer.domain.vision.VisionRequest;
import dev.boomer.domain.vision.VisionResult;
import dev.boomer.resilience.GuardState;
import dev.boomer.resilience.ProviderGuard;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A vision provider behind its guards: one per tier model (each with its own breaker and buckets), so a
 * failing SMART model does not stop FAST. The estimate of a call's input is what the reservation counts.
 */
public final class GuardedVisionModel implements VisionModel, PriceEstimator {

    private final VisionModel delegate;
    private final Map<Tier, ProviderGuard> guards;

    public GuardedVisionModel(VisionModel delegate, Map<Tier, ProviderGuard> guards) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.guards = new EnumMap<>(guards);
        for (Tier tier : Tier.values()) {
            if (!this.guards.containsKey(tier)) {
                throw new IllegalArgumentException("no guard for the " + tier + " tier");
            }
        }
    }

    @Override
    public String provider() {
        return delegate.provider();
    }

    @Override
    public String modelFor(Tier tier) {
        return delegate.modelFor(tier);
    }

    @Override
    public VisionResult analyze(VisionRequest request) {
        Usage worstCase = delegate.worstCase(request);
        return guards.get(request.tier()).call(request.priority(),
                worstCase.inputTokens() + worstCase.cacheWriteTokens(), () -> delegate.analyze(request),
                result -> result.call().usage());
    }

    @Override
    public Optional<URI> endpoint() {
        return delegate.endpoint();
    }

    @Override
    public Usage worstCase(VisionRequest request) {
        return delegate.worstCase(request);
    }

    /** Whether the model behind the guards estimates prices (the market's last resort). */
    public boolean estimates() {
        return delegate instanceof PriceEstimator estimator && estimator.offersEstimates();
    }

    @Override
    public String model() {
        return delegate.modelFor(Tier.FAST);
    }

    @Override
    public Usage worstCase(EstimateRequest request) {
        return estimator().worstCase(request);
    }

    /** Through FAST's guard: an estimate is a call of the FAST model, under its limits and breaker. */
    @Override
    public EstimateAnswer estimate(EstimateRequest request) {
        Usage worstCase = estimator().worstCase(request);
        return guards.get(Tier.FAST).call(request.priority(), worstCase.inputTokens() + worstCase.cacheWriteTokens(),
                () -> estimator().estimate(request), answer -> answer.call().usage());
    }

    private PriceEstimator estimator() {
        if (delegate instanceof PriceEstimator estimator) {
            return estimator;
        }
        throw new UnsupportedOperationException(delegate.provider() + " gives no price estimates");
    }

    /** The model behind the guards, for operators who want its settings. */
    public VisionModel unguarded() {
        return delegate;
    }

    /** Each tier model's guard as it stands now (a model used by both tiers is listed once). */
    public List<GuardState> states() {
        return guards.values().stream().distinct().map(ProviderGuard::state).toList();
    }

    public List<ProviderGuard> guards() {
        return guards.values().stream().distinct().toList();
    }
}
