package dev.boomer.budgets;

import dev.boomer.domain.budget.Budget;
import dev.boomer.domain.budget.BudgetInvalid;
import dev.boomer.domain.budget.Period;
import dev.boomer.domain.money.Money;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A budget as a person typed it (the console's form, the API's JSON), read into a {@link Budget}. Every
 * problem is named at once, by field, so one answer is enough to fix the input.
 */
public final class BudgetInput {

    private BudgetInput() {
    }

    /** @throws BudgetInvalid with a message per field that is wrong */
    public static Budget parse(@Nullable String period, @Nullable String timeZone, @Nullable String hardLimitUsd,
                               @Nullable String softLimitUsd, @Nullable String itemCapUsd) {
        Map<String, String> errors = new LinkedHashMap<>();
        Period parsedPeriod = null;
        if (blank(period)) {
            errors.put("period", "choose DAILY, WEEKLY or MONTHLY");
        } else {
            try {
                parsedPeriod = Period.valueOf(period.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.put("period", "'" + period + "' is not DAILY, WEEKLY or MONTHLY");
            }
        }
        ZoneId zone = null;
        if (blank(timeZone)) {
            errors.put("timeZone", "a time zone such as Europe/Berlin is needed");
        } else {
            try {
                zone = ZoneId.of(timeZone.strip());
            } catch (DateTimeException e) {
                errors.put("timeZone", "'" + timeZone + "' is not a time zone (try Europe/Berlin or UTC)");
            }
        }
        Optional<Money> hard = amount(errors, "hardLimitUsd", hardLimitUsd);
        if (blank(hardLimitUsd)) {
            errors.put("hardLimitUsd", "enter an amount in USD, such as 25 or 12.50");
        }
        Optional<Money> soft = amount(errors, "softLimitUsd", softLimitUsd);
        Optional<Money> cap = amount(errors, "itemCapUsd", itemCapUsd);
        Budget.problems(parsedPeriod, zone, hard.orElse(null), soft, cap).forEach(errors::putIfAbsent);
        if (!errors.isEmpty()) {
            throw new BudgetInvalid(errors);
        }
        return new Budget(parsedPeriod, zone, hard.orElseThrow(), soft, cap);
    }

    private static Optional<Money> amount(Map<String, String> errors, String field, @Nullable String value) {
        if (blank(value)) {
            return Optional.empty();
        }
        String clean = value.replace("$", "").replace(",", "").strip();
        try {
            return Optional.of(Money.usd(new BigDecimal(clean)));
        } catch (NumberFormatException e) {
            errors.put(field, "'" + value + "' is not an amount (use digits and a dot: 12.50)");
            return Optional.empty();
        }
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
