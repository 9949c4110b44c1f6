package dev.boomer.domain.contract.inmemory;

import dev.boomer.domain.cost.CostLedger;
import dev.boomer.domain.contract.CostLedgerContract;
import dev.boomer.domain.fixtures.InMemoryCostLedger;

class InMemoryCostLedgerTest extends CostLedgerContract {

    @Override
    protected CostLedger createLedger() {
        return new InMemoryCostLedger();
    }
}
