package dev.boomer.adapter.market.simulated;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.Objects;

/**
 * Knobs of the simulated market ({@code boomer.market.simulated.*}).
 *
 * @param latency     how long every quote takes, to make benchmarks and timeouts realistic
 * @param failureRate share of calls (0 to 1) that fail with {@code ProviderUnavailable}, for chaos tests
 * @param seed        mixed into every price and into the failure sequence: one seed, one reproducible market
 */
@ConfigurationProperties("boomer.market.simulated")
record SimulatedMarketConfig(
        @Bindable(defaultValue = "0s") Duration latency,
        @Bindable(defaultValue = "0") double failureRate,
        @Bindable(defaultValue = "0") long seed) {

    static final SimulatedMarketConfig DEFAULTS = new SimulatedMarketConfig(Duration.ZERO, 0, 0);

    SimulatedMarketConfig {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("boomer.market.simulated.latency must not be negative, not " + latency);
        }
        if (!(failureRate >= 0 && failureRate <= 1)) {
            throw new IllegalArgumentException(
                    "boomer.market.simulated.failure-rate must be between 0 and 1, not " + failureRate);
        }
    }
}
