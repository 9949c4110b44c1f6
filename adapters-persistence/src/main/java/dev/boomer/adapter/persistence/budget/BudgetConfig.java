package dev.boomer.adapter.persistence.budget;

import dev.boomer.domain.budget.Budget;
import dev.boomer.domain.budget.Period;
import dev.boomer.domain.money.Money;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * {@code boomer.budgets.*}: how long a reservation may stay unsettled, and the budget of users who have
 * none of their own (none: unlimited).
 *
 * @param reservationTtl        a reservation neither settled nor released by then is expired and its amount freed
 * @param defaultPeriod         period of the default budget
 * @param defaultHardLimitUsd   hard limit of the default budget; unset means users without a budget are unlimited
 * @param defaultSoftLimitUsd   soft limit of the default budget
 * @param defaultItemCapUsd     cap per item of the default budget
 */
@ConfigurationProperties("boomer.budgets")
record BudgetConfig(
        @Bindable(defaultValue = "PT10M") @NotNull Duration reservationTtl,
        @Bindable(defaultValue = "MONTHLY") @NotNull Period defaultPeriod,
        @Nullable BigDecimal defaultHardLimitUsd,
        @Nullable BigDecimal defaultSoftLimitUsd,
        @Nullable BigDecimal defaultItemCapUsd) {

    /** The default budget in UTC; each user gets it in their own time zone. */
    Optional<Budget> defaultBudget() {
        if (defaultHardLimitUsd == null) {
            return Optional.empty();
        }
        return Optional.of(new Budget(defaultPeriod, ZoneOffset.UTC, Money.usd(defaultHardLimitUsd),
                Optional.ofNullable(defaultSoftLimitUsd).map(Money::usd),
                Optional.ofNullable(defaultItemCapUsd).map(Money::usd)));
    }
}
