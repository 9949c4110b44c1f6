package dev.boomer.domain.budget;

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

    void release(ReservationId reservation);

    /** The user's budget, period, spent and reserved amounts now. */
    Standing standing(UserId user);
}
