package dev.boomer.adapter.market.simulated;

import dev.boomer.domain.contract.MarketDataContract;
import dev.boomer.domain.item.Condition;
import dev.boomer.domain.market.MarketData;
import dev.boomer.domain.market.MarketQuery;

import java.time.Clock;
import java.util.Currency;
import java.util.Optional;

/** The simulated market keeps the promises eBay's adapter keeps, so that the demo behaves as production. */
class SimulatedMarketDataContractTest extends MarketDataContract {

    private final SimulatedMarketData market = new SimulatedMarketData(SimulatedMarketConfig.DEFAULTS, Clock.systemUTC());

    @Override
    protected MarketData source() {
        return market;
    }

    @Override
    protected MarketQuery aQueryWithPrices() {
        return new MarketQuery(Optional.of("0018208012345"), "nikon f3 body", Condition.USED_GOOD,
                Currency.getInstance("USD"));
    }

    @Override
    protected MarketQuery aQueryWithNone() {
        return new MarketQuery(Optional.empty(), "unobtainium ingot", Condition.USED_GOOD, Currency.getInstance("USD"));
    }
}
