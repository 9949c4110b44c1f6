package dev.boomer.console.users;

import dev.boomer.domain.budget.Budget;
import dev.boomer.domain.budget.BudgetInvalid;
import dev.boomer.domain.budget.Period;
import dev.boomer.domain.money.Money;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    /** @throws BudgetInvalid with a message per field */
    Budget toBudget() {
        Map<String, String> found = new LinkedHashMap<>();
        Period parsedPeriod = null;
        try {
            parsedPeriod = Period.valueOf(period.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            found.put("period", "choose DAILY, WEEKLY or MONTHLY");
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            found.put("timeZone", "'" + timeZone + "' is not a time zone (try Europe/Berlin or UTC)");
        }
        Optional<Money> hard = amount(found, "hardLimitUsd", hardLimitUsd, true);
        Optional<Money> soft = amount(found, "softLimitUsd", softLimitUsd, false);
        Optional<Money> cap = amount(found, "itemCapUsd", itemCapUsd, false);
        if (!found.isEmpty()) {
            // what did parse is checked too, so that one answer names every problem
            Budget.problems(parsedPeriod, zone, hard.orElse(null), soft, cap).forEach(found::putIfAbsent);
            throw new BudgetInvalid(found);
        }
        return new Budget(parsedPeriod, zone, hard.orElseThrow(), soft, cap);
    }

    private static Optional<Money> amount(Map<String, String> found, String field, String value, boolean required) {
        String clean = value.replace("$", "").replace(",", "").strip();
        if (clean.isEmpty()) {
            if (required) {
                found.put(field, "enter an amount in USD, such as 25 or 12.50");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(Money.usd(new BigDecimal(clean)));
        } catch (NumberFormatException e) {
            found.put(field, "'" + value + "' is not an amount (use digits and a dot: 12.50)");
            return Optional.empty();
        }
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
