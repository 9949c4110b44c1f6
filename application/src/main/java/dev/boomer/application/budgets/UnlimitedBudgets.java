package dev.boomer.application.budgets;

import dev.boomer.domain.budget.Budgets;
import dev.boomer.domain.budget.Reservation;
import dev.boomer.domain.budget.ReservationId;
import dev.boomer.domain.cost.CostKey;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.user.UserId;

/** Grants every reservation: the behaviour until per-user budgets are configured. */
public final class UnlimitedBudgets implements Budgets {

    @Override
    public Reservation reserve(UserId user, CostKey key, Money worstCase) {
        return new Reservation.Granted(ReservationId.random(), worstCase);
    }

    @Override
    public void settle(ReservationId reservation, Money actual) {
        // nothing was held
    }

    @Override
    public void release(ReservationId reservation) {
        // nothing was held
    }
}
