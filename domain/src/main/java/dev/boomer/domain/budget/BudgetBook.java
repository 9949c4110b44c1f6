package dev.boomer.domain.budget;

import dev.boomer.domain.user.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The administration side of budgets: who has which limit, changes with their audit trail, spend per day. */
public interface BudgetBook {

    /** The user's own budget; empty when the default applies. */
    Optional<Budget> budgetOf(UserId user);

    /** The budget that applies: the user's own, else the configured default in the user's time zone. */
    Optional<Budget> effectiveBudget(UserId user);

    /** Sets a user's budget and records who changed it from what to what, in one transaction. */
    BudgetChange setBudget(UserId user, Budget budget, UserId changedBy);

    /** Newest first. */
    List<BudgetChange> changes(int limit);

    /** Spend per local day of a period (in the window's zone), from the cost ledger; every day listed. */
    List<DailySpend> spendPerDay(UserId user, BudgetWindow window);

    /** Users who passed their soft limit in their current period, for the console's banner. */
    List<UserId> pastSoftLimit();

    /** Ends reservations nobody settled or released in time; returns how many. */
    int expireStale(Instant now);
}
