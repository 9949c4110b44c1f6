package dev.boomer.application.budgets;

import dev.boomer.domain.budget.Budget;
import dev.boomer.domain.budget.BudgetBook;
import dev.boomer.domain.budget.BudgetChange;
import dev.boomer.domain.budget.Budgets;
import dev.boomer.domain.budget.DailySpend;
import dev.boomer.domain.budget.Standing;
import dev.boomer.domain.item.ItemQuery;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.user.UserId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Setting a user's budget (parked items resume at once when it gives room) and reporting the user's spend. */
public final class ManageBudgets {

    /** Where a user stands, what each day of the period cost, and how many items wait for room. */
    public record SpendReport(Standing standing, List<DailySpend> perDay, int parkedItems) {
        public SpendReport {
            Objects.requireNonNull(standing, "standing");
            perDay = List.copyOf(perDay);
        }
    }

    private final BudgetBook book;
    private final Budgets budgets;
    private final ItemRepository items;
    private final ResumeParkedItems resume;

    public ManageBudgets(BudgetBook book, Budgets budgets, ItemRepository items, ResumeParkedItems resume) {
        this.book = book;
        this.budgets = budgets;
        this.items = items;
        this.resume = resume;
    }

    public Optional<Budget> budgetOf(UserId user) {
        return book.budgetOf(user);
    }

    public Optional<Budget> effectiveBudget(UserId user) {
        return book.effectiveBudget(user);
    }

    /** Audited; a raised limit lets the user's parked items continue without waiting for the next sweep. */
    public BudgetChange setBudget(UserId user, Budget budget, UserId changedBy) {
        BudgetChange change = book.setBudget(user, budget, changedBy);
        resume.resume(user);
        return change;
    }

    public SpendReport spend(UserId user) {
        Standing standing = budgets.standing(user);
        int parked = items.find(ItemQuery.ofOwner(user, Optional.of(ItemStatus.PARKED), ItemQuery.MAX_LIMIT)).size();
        return new SpendReport(standing, book.spendPerDay(user, standing.window()), parked);
    }

    public List<UserId> pastSoftLimit() {
        return book.pastSoftLimit();
    }
}
