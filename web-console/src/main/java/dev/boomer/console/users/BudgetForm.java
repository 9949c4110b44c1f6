package dev.boomer.console.users;

import dev.boomer.budgets.BudgetInput;
import dev.boomer.domain.budget.Budget;
import dev.boomer.domain.money.Money;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The budget editor: what was typed (kept as typed, so a refused form shows it again) and a message per
 * field that is wrong.
 */
record BudgetForm(String username, String period, String timeZone, String hardLimitUsd, String softLimitUsd,
                  String itemCapUsd, Map<String, String> errors, boolean saved) {

    static final List<String> PERIODS = List.of("DAILY", "WEEKLY", "MONTHLY");

    static BudgetForm of(String username, Optional<Budget> budget, String userZone) {
        return budget.map(b -> new BudgetForm(username, b.period().name(), UserRow.zoneName(b.zone()),
                        b.hardLimit().plain(),
                        b.softLimit().map(Money::plain).orElse(""), b.itemCap().map(Money::plain).orElse(""), Map.of(),
                        false))
                .orElseGet(() -> new BudgetForm(username, "MONTHLY", userZone, "", "", "", Map.of(), false));
    }

    static BudgetForm typed(String username, @Nullable String period, @Nullable String timeZone,
                            @Nullable String hard, @Nullable String soft, @Nullable String cap) {
        return new BudgetForm(username, text(period), text(timeZone), text(hard), text(soft), text(cap), Map.of(),
                false);
    }

    BudgetForm withErrors(Map<String, String> found) {
        return new BudgetForm(username, period, timeZone, hardLimitUsd, softLimitUsd, itemCapUsd, Map.copyOf(found),
                false);
    }

    BudgetForm asSaved() {
        return new BudgetForm(username, period, timeZone, hardLimitUsd, softLimitUsd, itemCapUsd, Map.of(), true);
    }

    public List<String> periods() {
        return PERIODS;
    }

    @Nullable
    public String error(String field) {
        return errors.get(field);
    }

    /** @throws dev.boomer.domain.budget.BudgetInvalid with a message per field */
    Budget toBudget() {
        return BudgetInput.parse(period, timeZone, hardLimitUsd, softLimitUsd, itemCapUsd);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
