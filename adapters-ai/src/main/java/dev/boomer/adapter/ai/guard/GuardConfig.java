package dev.boomer.adapter.ai.guard;

import dev.boomer.resilience.BreakerSettings;
import dev.boomer.resilience.Limits;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.value.PropertyResolver;

import java.time.Duration;

/**
 * Reads a provider's guard settings: {@code <prefix>.requests-per-minute}, {@code .input-tokens-per-minute},
 * {@code .output-tokens-per-minute}, {@code .calls-per-day}, {@code .max-concurrent} (0: no limit), each
 * defaulting to the provider's; and the breaker and queue settings under {@code boomer.resilience}.
 */
public final class GuardConfig {

    private static final String RESILIENCE = "boomer.resilience.";

    private GuardConfig() {
    }

    public static Limits limits(PropertyResolver config, String prefix, Limits defaults) {
        try {
            return new Limits(
                    config.get(prefix + ".requests-per-minute", Long.class).orElse(defaults.requestsPerMinute()),
                    config.get(prefix + ".input-tokens-per-minute", Long.class).orElse(defaults.inputTokensPerMinute()),
                    config.get(prefix + ".output-tokens-per-minute", Long.class).orElse(defaults.outputTokensPerMinute()),
                    config.get(prefix + ".calls-per-day", Long.class).orElse(defaults.callsPerDay()),
                    config.get(prefix + ".max-concurrent", Integer.class).orElse(defaults.maxConcurrent()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(prefix + ".*: " + e.getMessage());
        }
    }

    public static BreakerSettings breaker(PropertyResolver config) {
        BreakerSettings defaults = BreakerSettings.DEFAULTS;
        String prefix = RESILIENCE + "breaker.";
        try {
            return new BreakerSettings(
                    config.get(prefix + "window", Integer.class).orElse(defaults.window()),
                    config.get(prefix + "minimum-calls", Integer.class).orElse(defaults.minimumCalls()),
                    config.get(prefix + "failure-rate-percent", Float.class).orElse(defaults.failureRatePercent()),
                    config.get(prefix + "open-for", Duration.class).orElse(defaults.openFor()),
                    config.get(prefix + "half-open-probes", Integer.class).orElse(defaults.halfOpenProbes()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(prefix + "*: " + e.getMessage());
        }
    }

    /**
     * Above this, a SMART answer counts against its breaker like a fault, so that a SMART model too slow
     * for the job is paused and FAST's answer kept (labelled degraded); zero for none.
     */
    public static Duration smartLatencyBudget(PropertyResolver config) {
        Duration budget = config.get(RESILIENCE + "smart-latency-budget", Duration.class).orElse(Duration.ofSeconds(60));
        if (budget.isNegative()) {
            throw new ConfigurationException(RESILIENCE + "smart-latency-budget must not be negative (0 for none)");
        }
        return budget;
    }

    /** How long a call may wait for tokens and permits before its item is rescheduled instead. */
    public static Duration maxQueueWait(PropertyResolver config) {
        Duration wait = config.get(RESILIENCE + "max-queue-wait", Duration.class).orElse(Duration.ofSeconds(10));
        if (wait.isNegative()) {
            throw new ConfigurationException(RESILIENCE + "max-queue-wait must not be negative");
        }
        return wait;
    }
}
