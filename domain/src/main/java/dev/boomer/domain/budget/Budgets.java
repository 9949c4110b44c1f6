package dev.boomer.domain.budget;

import dev.boomer.domain.cost.CostEntry;
import dev.boomer.domain.cost.CostKey;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.user.UserId;

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
    void settle(ReservationId reservation, CostEntry paid);

    void release(ReservationId reservation);

    /** The user's budget, period, spent and reserved amounts now. */
    Standing standing(UserId user);
}
