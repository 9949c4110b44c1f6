package dev.boomer.domain.budget;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** How often a budget starts afresh: at local midnight, on Monday, or on the first of the month. */
public enum Period {
    DAILY,
    WEEKLY,
    MONTHLY;

    /**
     * The calendar period that contains {@code now} in the user's time zone. Boundaries are local midnights,
     * so a day is 23 or 25 hours long when the clocks change.
     */
    public BudgetWindow windowAt(Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate first = switch (this) {
            case DAILY -> today;
            case WEEKLY -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> today.withDayOfMonth(1);
        };
        LocalDate next = switch (this) {
            case DAILY -> first.plusDays(1);
            case WEEKLY -> first.plusWeeks(1);
            case MONTHLY -> first.plusMonths(1);
        };
        return new BudgetWindow(zone, first, next, first.atStartOfDay(zone).toInstant(),
                next.atStartOfDay(zone).toInstant());
    }
}
