package dev.boomer.domain.cost;

import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.user.UserId;

import dev.boomer.domain.vision.VisionResult;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Every paid call, once, with its exact cost; and what each call answered, so that none is paid twice. */
public interface CostLedger {

    /** @return false when an entry with the same key exists already (nothing is recorded twice) */
    default boolean record(CostEntry entry) {
        return record(entry, Optional.empty());
    }

    /**
     * @param answer what the call came back with, usable or not; kept with the entry so that a retry of the
     *               same attempt resumes after the call instead of paying for it again
     * @return false when an entry with the same key exists already (nothing is recorded twice)
     */
    boolean record(CostEntry entry, Optional<VisionResult> answer);

    /** The answer recorded with the entry of this key; empty when the call brought none (or is unknown). */
    Optional<VisionResult> answerTo(CostKey key);

    /** Oldest first. */
    List<CostEntry> entriesFor(ItemId item);

    Money totalFor(ItemId item);

    /**
     * Every entry with {@code from <= at < to}, of one user or of all, oldest first, handed over one at a time
     * so that an export of a busy year never sits in memory.
     */
    void forEachEntry(Instant from, Instant to, Optional<UserId> user, Consumer<CostEntry> action);
}
