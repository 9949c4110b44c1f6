package dev.boomer.domain.budget;

import dev.boomer.domain.cost.CostEntry;
import dev.boomer.domain.cost.CostKey;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.vision.VisionResult;

import java.util.Optional;

/**
 * Per-user spending limits. Reserve the worst case before a paid call; settle the actual cost after it;
 * release on error. Settling and releasing are idempotent.
 */
public interface Budgets {

    Reservation reserve(UserId user, CostKey key, Money worstCase);

    void settle(ReservationId reservation, Money actual);

    /**
     * A paid call: records it in the ledger and settles its reservation with its cost in one transaction,
     * both or neither, so that a call the provider charged is never released unrecorded. The entry is
     * recorded even when the reservation was closed already (it expired while the call ran).
     */
    default void settle(ReservationId reservation, CostEntry paid) {
        settle(reservation, paid, Optional.empty());
    }

    /** As {@link #settle(ReservationId, CostEntry)}, keeping the call's answer with its entry (the same transaction). */
    void settle(ReservationId reservation, CostEntry paid, Optional<VisionResult> answer);

    void release(ReservationId reservation);

    /** The user's budget, period, spent and reserved amounts now. */
    Standing standing(UserId user);
}
