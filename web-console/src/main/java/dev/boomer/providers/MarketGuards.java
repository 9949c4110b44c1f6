package dev.boomer.providers;

import dev.boomer.adapter.ai.guard.GuardConfig;
import dev.boomer.domain.market.MarketData;
import dev.boomer.resilience.BucketStore;
import dev.boomer.resilience.GuardListener;
import dev.boomer.resilience.GuardedMarketData;
import dev.boomer.resilience.Limits;
import dev.boomer.resilience.ProviderGuard;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Puts every market source behind a guard of its own as it is created, configured by
 * {@code boomer.market.<source>.limits.requests-per-minute}, {@code .calls-per-day} and
 * {@code .max-concurrent} (none by default; the eBay adapters bring eBay's), with the breaker settings
 * every provider shares.
 */
@Singleton
final class MarketGuards implements BeanCreatedEventListener<MarketData> {

    /** What the Adapters page and the meters call a market source's guarded "model". */
    static final String MODEL = "quotes";

    private final PropertyResolver config;
    private final BeanProvider<BucketStore> buckets;
    private final BeanProvider<GuardListener> listener;

    MarketGuards(PropertyResolver config, BeanProvider<BucketStore> buckets, BeanProvider<GuardListener> listener) {
        this.config = config;
        this.buckets = buckets;
        this.listener = listener;
    }

    @Override
    public MarketData onCreated(BeanCreatedEvent<MarketData> event) {
        MarketData source = event.getBean();
        if (source instanceof GuardedMarketData) {
            return source;
        }
        Limits limits = GuardConfig.limits(config, "boomer.market." + source.name() + ".limits", Limits.NONE);
        return new GuardedMarketData(source, new ProviderGuard(source.name(), MODEL, limits,
                GuardConfig.breaker(config), GuardConfig.maxQueueWait(config),
                buckets.find(null).orElseGet(BucketStore::inMemory), Clock.systemUTC(),
                listener.find(null).orElse(GuardListener.NONE)));
    }
}
