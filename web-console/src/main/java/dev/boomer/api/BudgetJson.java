package dev.boomer.api;

import dev.boomer.application.budgets.ManageBudgets.SpendReport;
import dev.boomer.domain.budget.Budget;
import dev.boomer.domain.budget.BudgetInvalid;
import dev.boomer.domain.budget.Period;
import dev.boomer.domain.budget.Standing;
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

/** The JSON shapes of budgets and spend in the API; amounts are decimal strings in USD, never floats. */
final class BudgetJson {

    private BudgetJson() {
    }

    /** {@code PUT /api/v1/users/{username}/budget}. */
    record BudgetRequest(@Nullable String period, @Nullable String timeZone, @Nullable BigDecimal hardLimitUsd,
                         @Nullable BigDecimal softLimitUsd, @Nullable BigDecimal itemCapUsd) {

        /** @throws BudgetInvalid naming every field that is wrong */
        Budget toBudget() {
            Map<String, String> errors = new LinkedHashMap<>();
            Period parsedPeriod = null;
            if (period == null || period.isBlank()) {
                errors.put("period", "choose DAILY, WEEKLY or MONTHLY");
            } else {
                try {
                    parsedPeriod = Period.valueOf(period.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.put("period", "'" + period + "' is not DAILY, WEEKLY or MONTHLY");
                }
            }
            ZoneId zone = null;
            if (timeZone == null || timeZone.isBlank()) {
                errors.put("timeZone", "a time zone such as Europe/Berlin is needed");
            } else {
                try {
                    zone = ZoneId.of(timeZone.strip());
                } catch (DateTimeException e) {
                    errors.put("timeZone", "'" + timeZone + "' is not a time zone (try Europe/Berlin or UTC)");
                }
            }
            Optional<Money> soft = Optional.ofNullable(softLimitUsd).map(Money::usd);
            Optional<Money> cap = Optional.ofNullable(itemCapUsd).map(Money::usd);
            Money hard = hardLimitUsd == null ? null : Money.usd(hardLimitUsd);
            Budget.problems(parsedPeriod, zone, hard, soft, cap).forEach(errors::putIfAbsent);
            if (!errors.isEmpty()) {
                throw new BudgetInvalid(errors);
            }
            return new Budget(parsedPeriod, zone, hard, soft, cap);
        }
    }

    record BudgetView(String username, String source, @Nullable String period, @Nullable String timeZone,
                      @Nullable String hardLimitUsd, @Nullable String softLimitUsd, @Nullable String itemCapUsd) {
    }

    record DayView(String date, String spentUsd) {
    }

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
                standing.window().nextPeriodDay().toString(), standing.spent().plain(), standing.reserved().plain(),
                standing.budget().map(b -> b.hardLimit().plain()).orElse(null),
                standing.budget().flatMap(Budget::softLimit).map(Money::plain).orElse(null),
                standing.pastSoftLimit(), report.parkedItems(),
                report.perDay().stream().map(d -> new DayView(d.day().toString(), d.spent().plain())).toList());
    }
}
