package dev.boomer.domain.budget;

import dev.boomer.domain.money.Money;
import dev.boomer.domain.user.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a user stands in the current period.
 *
 * @param budget empty when the user has no limit
 */
public record Standing(UserId user, Optional<Budget> budget, BudgetWindow window, Money spent, Money reserved) {
    public Standing {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(spent, "spent");
        Objects.requireNonNull(reserved, "reserved");
    }

    /** Past the soft limit: alerted, and held to the FAST tier. */
    public boolean pastSoftLimit() {
        return budget.flatMap(Budget::softLimit).map(soft -> spent.compareTo(soft) >= 0).orElse(false);
    }

    /** Whether anything more can be reserved at all. */
    public boolean hasRoom() {
        return budget.map(b -> spent.plus(reserved).compareTo(b.hardLimit()) < 0).orElse(true);
    }

    /** Whether a reservation of {@code amount} fits under the hard limit now (parked items wait for this). */
    public boolean hasRoomFor(Money amount) {
        return budget.map(b -> spent.plus(reserved).plus(amount).compareTo(b.hardLimit()) <= 0).orElse(true);
    }
}
