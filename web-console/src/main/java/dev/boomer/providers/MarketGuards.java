package dev.boomer.providers;

import dev.boomer.domain.market.MarketData;
import dev.boomer.resilience.GuardedMarketData;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

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

    private final ConfiguredGuards guards;

    MarketGuards(ConfiguredGuards guards) {
        this.guards = guards;
    }

    @Override
    public MarketData onCreated(BeanCreatedEvent<MarketData> event) {
        MarketData source = event.getBean();
        if (source instanceof GuardedMarketData) {
            return source;
        }
        return new GuardedMarketData(source, guards.guard(source.name(), MODEL,
                "boomer.market." + source.name() + ".limits"));
    }
}
