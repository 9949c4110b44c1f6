package dev.boomer.domain.budget;

import dev.boomer.domain.money.Money;

import java.time.LocalDate;
import java.util.Objects;

/** What a user's calls cost on one local day. */
public record DailySpend(LocalDate day, Money spent) {
    public DailySpend {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(spent, "spent");
    }
}
