package dev.boomer.domain.contract.inmemory;

import dev.boomer.domain.contract.PriceHistoryContract;
import dev.boomer.domain.fixtures.InMemoryPriceHistory;
import dev.boomer.domain.market.PriceHistory;

class InMemoryPriceHistoryTest extends PriceHistoryContract {

    private final InMemoryPriceHistory history = new InMemoryPriceHistory();

    @Override
    protected PriceHistory history() {
        return history;
    }
}
