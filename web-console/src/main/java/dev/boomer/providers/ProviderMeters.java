package dev.boomer.providers;

import dev.boomer.resilience.GuardListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The guards' reports as meters: {@code boomer.provider.calls{provider,model,outcome}},
 * {@code boomer.provider.latency} and {@code boomer.provider.ratelimit.wait} (histograms, so p95 can be
 * read), {@code boomer.provider.tokens{direction}}; a breaker's change of state is one log line. Each call
 * also goes to {@link RecentCalls} for the Adapters page.
 */
@Singleton
final class ProviderMeters implements GuardListener {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderMeters.class);

    private final MeterRegistry meters;
    private final RecentCalls recent;

    ProviderMeters(MeterRegistry meters, RecentCalls recent) {
        this.meters = meters;
        this.recent = recent;
    }

    @Override
    public void called(String provider, String model, String outcome, Duration latency) {
        recent.record(provider, model, !"ok".equals(outcome), latency);
        Counter.builder("boomer.provider.calls").tags("provider", provider, "model", model, "outcome", outcome)
                .register(meters).increment();
        Timer.builder("boomer.provider.latency").tags("provider", provider, "model", model)
                .publishPercentileHistogram().register(meters).record(latency);
    }

    @Override
    public void waited(String provider, String model, Duration wait) {
        Timer.builder("boomer.provider.ratelimit.wait").tags("provider", provider, "model", model)
                .publishPercentileHistogram().register(meters).record(wait);
    }

    @Override
    public void tokens(String provider, String model, long input, long output) {
        Counter.builder("boomer.provider.tokens").tags("provider", provider, "model", model, "direction", "input")
                .register(meters).increment(input);
        Counter.builder("boomer.provider.tokens").tags("provider", provider, "model", model, "direction", "output")
                .register(meters).increment(output);
    }

    @Override
    public void breakerChanged(String provider, String model, String from, String to) {
        LOG.warn("circuit breaker of {} {} went from {} to {}", provider, model, from, to);
    }
}
