package dev.boomer.console.users;

import dev.boomer.application.budgets.ManageBudgets.SpendReport;
import dev.boomer.console.layout.Formats;
import dev.boomer.domain.budget.Budget;
import dev.boomer.domain.budget.DailySpend;
import dev.boomer.domain.budget.Standing;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.user.User;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * One user on the users page: budget, spend against its limits as bar widths (percent of the hard limit),
 * and a bar per day of the period.
 *
 * @param source "own", "default" or "none" (unlimited)
 */
record UserRow(String username, String role, String timeZone, String source, String budget, String spent,
               String reserved, String hardLimit, String softLimit, int spentPercent, int reservedPercent,
               Integer softPercent, boolean pastSoftLimit, boolean full, int parked, String period,
               List<DayBar> days) {

    /** One day of the period: its label, its spend, and its bar's height relative to the busiest day. */
    record DayBar(String day, String spent, int heightPercent) {
    }

    static UserRow of(User user, Optional<Budget> own, SpendReport report) {
        Standing standing = report.standing();
        Optional<Budget> budget = standing.budget();
        String source = own.isPresent() ? "own" : budget.isPresent() ? "default" : "none";
        Money hard = budget.map(Budget::hardLimit).orElse(null);
        Money soft = budget.flatMap(Budget::softLimit).orElse(null);
        return new UserRow(user.username(), user.role().name(), zoneName(user.timeZone()), source,
                budget.map(UserRow::describe).orElse("unlimited"), Formats.cost(standing.spent()),
                Formats.cost(standing.reserved()), hard == null ? "none" : Formats.limit(hard),
                soft == null ? "none" : Formats.limit(soft), percent(standing.spent(), hard),
                percent(standing.reserved(), hard), soft == null ? null : percent(soft, hard),
                standing.pastSoftLimit(), !standing.hasRoom(), report.parkedItems(),
                standing.window().firstDay() + " to " + standing.window().nextPeriodDay().minusDays(1),
                bars(report.perDay()));
    }

    static String describe(Budget budget) {
        return budget.period().name().toLowerCase(java.util.Locale.ROOT) + " · " + Formats.limit(budget.hardLimit())
                + budget.softLimit().map(s -> " (soft " + Formats.limit(s) + ")").orElse("")
                + budget.itemCap().map(c -> " · " + Formats.limit(c) + " per item").orElse("")
                + " · " + zoneName(budget.zone());
    }

    /** "UTC" rather than the "Z" a zero offset calls itself. */
    static String zoneName(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    private static int percent(Money part, Money whole) {
        if (whole == null || whole.amount().signum() == 0) {
            return part.amount().signum() > 0 && whole != null ? 100 : 0;
        }
        BigDecimal ratio = part.amount().multiply(BigDecimal.valueOf(100)).divide(whole.amount(), 0,
                RoundingMode.HALF_UP);
        return Math.min(100, ratio.intValue());
    }

    private static List<DayBar> bars(List<DailySpend> days) {
        BigDecimal most = days.stream().map(d -> d.spent().amount()).max(BigDecimal::compareTo)
                .orElse(BigDecimal.ZERO);
        return days.stream().map(d -> new DayBar(d.day().toString(), Formats.cost(d.spent()),
                most.signum() == 0 ? 0 : d.spent().amount().multiply(BigDecimal.valueOf(100))
                        .divide(most, 0, RoundingMode.HALF_UP).intValue())).toList();
    }
}
