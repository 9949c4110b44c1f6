package dev.boomer.domain.budget;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/** One budget period: its local days {@code [firstDay, nextPeriodDay)} in a zone, and the instants they span. */
public record BudgetWindow(ZoneId zone, LocalDate firstDay, LocalDate nextPeriodDay, Instant start, Instant end) {
    public BudgetWindow {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(nextPeriodDay, "nextPeriodDay");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a window ends after it starts");
        }
    }

    public List<LocalDate> days() {
        return firstDay.datesUntil(nextPeriodDay).toList();
    }
}
