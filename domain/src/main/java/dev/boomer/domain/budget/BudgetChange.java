package dev.boomer.domain.budget;

import dev.boomer.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One audited budget change: who set whose budget, when, from what to what. */
public record BudgetChange(UserId user, UserId changedBy, Instant at, Optional<Budget> before, Budget after) {
    public BudgetChange {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
