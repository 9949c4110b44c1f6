package dev.boomer.domain.budget;

/** Told once per period when a user's spend passes the soft limit. */
@FunctionalInterface
public interface BudgetAlerts {

    void softLimitPassed(Standing standing);
}
