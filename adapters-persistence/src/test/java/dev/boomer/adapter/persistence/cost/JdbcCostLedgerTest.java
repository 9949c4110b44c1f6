package dev.boomer.adapter.persistence.cost;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boomer.adapter.persistence.TestDatabase;
import dev.boomer.domain.contract.CostLedgerContract;
import dev.boomer.domain.cost.CostEntry;
import dev.boomer.domain.cost.CostKey;
import dev.boomer.domain.cost.CostLedger;
import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.vision.Tier;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JdbcCostLedgerTest extends CostLedgerContract {

    @Override
    protected CostLedger createLedger() {
        TestDatabase.truncateAll();
        return TestDatabase.context().getBean(CostLedger.class);
    }

    @Test
    void aCostFinerThanTheColumnIsRejectedRatherThanRounded() {
        CostEntry tooFine = new CostEntry(new CostKey(ItemId.random(), "vision-fast", 1), UserId.random(),
                "anthropic", "claude-haiku", Tier.FAST, Usage.NONE, Money.usd("0.00000000001"), Instant.EPOCH);

        assertThatThrownBy(() -> createLedger().record(tooFine))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decimal places");
    }
}
