package dev.boomer.api;

import dev.boomer.application.budgets.ManageBudgets.SpendReport;
import dev.boomer.budgets.BudgetInput;
import dev.boomer.domain.budget.Budget;
import dev.boomer.domain.budget.Standing;
import dev.boomer.domain.money.Money;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The JSON shapes of budgets and spend in the API; amounts are decimal strings in USD, never floats. */
final class BudgetJson {

    private BudgetJson() {
    }

    /** {@code PUT /api/v1/users/{username}/budget}. */
    record BudgetRequest(@Nullable String period, @Nullable String timeZone, @Nullable BigDecimal hardLimitUsd,
                         @Nullable BigDecimal softLimitUsd, @Nullable BigDecimal itemCapUsd) {

        /** @throws dev.boomer.domain.budget.BudgetInvalid naming every field that is wrong */
        Budget toBudget() {
            return BudgetInput.parse(period, timeZone, plain(hardLimitUsd), plain(softLimitUsd), plain(itemCapUsd));
        }

        private static String plain(@Nullable BigDecimal amount) {
            return amount == null ? null : amount.toPlainString();
        }
    }

    record BudgetView(String username, String source, @Nullable String period, @Nullable String timeZone,
                      @Nullable String hardLimitUsd, @Nullable String softLimitUsd, @Nullable String itemCapUsd) {
    }

    record DayView(String date, String spentUsd) {
    }

    /** {@code periodStart} and {@code periodEnd}: the first and the last local day of the period. */
    record SpendView(String username, String periodStart, String periodEnd, String spentUsd, String reservedUsd,
                     @Nullable String hardLimitUsd, @Nullable String softLimitUsd, boolean pastSoftLimit,
                     int parkedItems, List<DayView> perDay) {
    }

    /** {@code source}: "user" for the user's own budget, "default" for the configured one, "none" when unlimited. */
    static BudgetView budget(String username, Optional<Budget> own, Optional<Budget> effective) {
        String source = own.isPresent() ? "user" : effective.isPresent() ? "default" : "none";
        return effective.map(b -> new BudgetView(username, source, b.period().name(), b.zone().getId(),
                        b.hardLimit().plain(), b.softLimit().map(Money::plain).orElse(null),
                        b.itemCap().map(Money::plain).orElse(null)))
                .orElseGet(() -> new BudgetView(username, source, null, null, null, null, null));
    }

    static SpendView spend(String username, SpendReport report) {
        Standing standing = report.standing();
        return new SpendView(username, standing.window().firstDay().toString(),
                standing.window().nextPeriodDay().minusDays(1).toString(), standing.spent().plain(),
                standing.reserved().plain(),
                standing.budget().map(b -> b.hardLimit().plain()).orElse(null),
                standing.budget().flatMap(Budget::softLimit).map(Money::plain).orElse(null),
                standing.pastSoftLimit(), report.parkedItems(),
                report.perDay().stream().map(d -> new DayView(d.day().toString(), d.spent().plain())).toList());
    }
}
