package dev.boomer.domain.cost;

import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.user.UserId;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import java.util.List;

public interface CostLedger {

    /** @return false when an entry with the same key exists already (nothing is recorded twice) */
    boolean record(CostEntry entry);

    /** Oldest first. */
    List<CostEntry> entriesFor(ItemId item);

    Money totalFor(ItemId item);

    /**
     * Every entry with {@code from <= at < to}, of one user or of all, oldest first, handed over one at a time
     * so that an export of a busy year never sits in memory.
     */
    void forEachEntry(Instant from, Instant to, Optional<UserId> user, Consumer<CostEntry> action);
}
