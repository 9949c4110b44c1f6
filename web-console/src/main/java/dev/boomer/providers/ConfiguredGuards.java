package dev.boomer.providers;

import dev.boomer.adapter.ai.guard.GuardConfig;
import dev.boomer.resilience.BucketStore;
import dev.boomer.resilience.GuardListener;
import dev.boomer.resilience.Limits;
import dev.boomer.resilience.ProviderGuard;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Makes the guard of a market provider's API from configuration: its limits under a prefix (none unless
 * configured), the breaker settings and queue wait every provider shares, the shared call buckets.
 */
@Singleton
final class ConfiguredGuards {

    private final PropertyResolver config;
    private final BeanProvider<BucketStore> buckets;
    private final BeanProvider<GuardListener> listener;

    ConfiguredGuards(PropertyResolver config, BeanProvider<BucketStore> buckets, BeanProvider<GuardListener> listener) {
        this.config = config;
        this.buckets = buckets;
        this.listener = listener;
    }

    /** @param limitsPrefix where its {@code .requests-per-minute}, {@code .calls-per-day} ... are configured */
    ProviderGuard guard(String provider, String model, String limitsPrefix) {
        Limits limits = GuardConfig.limits(config, limitsPrefix, Limits.NONE);
        return new ProviderGuard(provider, model, limits, GuardConfig.breaker(config), GuardConfig.maxQueueWait(config),
                buckets.find(null).orElseGet(BucketStore::inMemory), Clock.systemUTC(),
                listener.find(null).orElse(GuardListener.NONE));
    }

    String property(String name, String otherwise) {
        return config.get(name, String.class).orElse(otherwise);
    }
}
