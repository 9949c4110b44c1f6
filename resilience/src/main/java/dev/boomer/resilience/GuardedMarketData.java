package dev.boomer.resilience;

import dev.boomer.domain.item.Priority;
import dev.boomer.domain.market.MarketData;
import dev.boomer.domain.market.MarketQuery;
import dev.boomer.domain.market.MarketQuote;
import dev.boomer.domain.vision.Usage;

import java.util.Objects;
import java.util.Optional;

/**
 * A market source behind its guard: its breaker, its requests per minute and calls per day. A source that
 * is paused or out of calls is refused like a down one, so the market stage goes on to the next source.
 */
public final class GuardedMarketData implements MarketData {

    private final MarketData delegate;
    private final ProviderGuard guard;

    public GuardedMarketData(MarketData delegate, ProviderGuard guard) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Optional<MarketQuote> quote(MarketQuery query) {
        return guard.call(Priority.NORMAL, 0, () -> delegate.quote(query), ignored -> Usage.NONE);
    }

    public ProviderGuard guard() {
        return guard;
    }
}
