package dev.boomer.domain.cost;

import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.money.Money;

import java.util.List;

public interface CostLedger {

    /** @return false when an entry with the same key exists already (nothing is recorded twice) */
    boolean record(CostEntry entry);

    /** Oldest first. */
    List<CostEntry> entriesFor(ItemId item);

    Money totalFor(ItemId item);
}
