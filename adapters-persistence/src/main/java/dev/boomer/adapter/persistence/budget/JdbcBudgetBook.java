package dev.boomer.adapter.persistence.budget;

import dev.boomer.adapter.persistence.budget.BudgetRows.UserBudget;
import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.adapter.persistence.audit.JdbcAuditLog;
import dev.boomer.domain.audit.AuditAction;
import dev.boomer.domain.audit.AuditEntry;
import dev.boomer.domain.budget.Budget;
import dev.boomer.domain.budget.BudgetBook;
import dev.boomer.domain.budget.BudgetChange;
import dev.boomer.domain.budget.BudgetWindow;
import dev.boomer.domain.budget.DailySpend;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.user.UserId;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.boomer.adapter.persistence.jdbc.Sql.setInstant;
import static dev.boomer.adapter.persistence.jdbc.Sql.setUsd;
import static dev.boomer.adapter.persistence.jdbc.Sql.uuid;

/** Budgets as an admin sees them: set with an audit log entry, listed, and spend per day from the ledger. */
@Singleton
final class JdbcBudgetBook implements BudgetBook {

    private static final String SET_BUDGET = """
            UPDATE users SET budget_period = ?, budget_time_zone = ?, budget_hard_limit_usd = ?,
                             budget_soft_limit_usd = ?, budget_item_cap_usd = ?, budget_updated_at = ?,
                             budget_updated_by = ?
            WHERE id = ?""";

    /* A new period start (another period or zone): open reservations move to it (expired ones too, so that
       a late settlement lands there), and it counts what was settled inside it, so switching from daily to
       monthly keeps this month's spend. */
    private static final String MOVE_HELD = """
            UPDATE budget_reservations SET period_start = ?
            WHERE user_id = ? AND state IN ('HELD', 'EXPIRED')""";
    private static final String CLEAR_OTHER_PERIODS =
            "UPDATE budget_periods SET reserved_usd = 0 WHERE user_id = ? AND period_start <> ?";
    private static final String RECOUNT_PERIOD = """
            INSERT INTO budget_periods AS p (user_id, period_start, spent_usd, reserved_usd)
            SELECT ?, ?,
                   coalesce((SELECT sum(actual_usd) FROM budget_reservations
                             WHERE user_id = ? AND state = 'SETTLED' AND created_at >= ? AND created_at < ?), 0),
                   coalesce((SELECT sum(amount_usd) FROM budget_reservations
                             WHERE user_id = ? AND state = 'HELD'), 0)
            ON CONFLICT (user_id, period_start) DO UPDATE
                SET spent_usd = EXCLUDED.spent_usd, reserved_usd = EXCLUDED.reserved_usd""";

    private final SqlExecutor sql;
    private final Clock clock;
    private final BudgetConfig config;
    private final JdbcAuditLog auditLog;
    private final JdbcBudgets budgets;

    JdbcBudgetBook(SqlExecutor sql, Clock clock, BudgetConfig config, JdbcAuditLog auditLog, JdbcBudgets budgets) {
        this.sql = sql;
        this.clock = clock;
        this.config = config;
        this.auditLog = auditLog;
        this.budgets = budgets;
    }

    @Override
    public Optional<Budget> budgetOf(UserId user) {
        return sql.inTransaction(connection -> BudgetRows.userBudget(connection, user, "").own());
    }

    @Override
    public Optional<Budget> effectiveBudget(UserId user) {
        return sql.inTransaction(connection -> BudgetRows.effective(BudgetRows.userBudget(connection, user, ""),
                config.defaultBudget()));
    }

    /**
     * Locks the user (reservations of the user wait, and wait for it), writes budget and audit record, and
     * moves the period accounting when the period start changes: an edit and a charge never lose either.
     */
    @Override
    public BudgetChange setBudget(UserId user, Budget budget, UserId changedBy) {
        return sql.inTransaction(connection -> {
            UserBudget before = BudgetRows.userBudget(connection, user, "FOR UPDATE");
            Instant now = clock.instant(); // once the lock is held: audit times follow the order edits apply in
            BudgetWindow newWindow = budget.windowAt(now);
            Optional<Budget> previous = BudgetRows.effective(before, config.defaultBudget());
            try (PreparedStatement statement = connection.prepareStatement(SET_BUDGET)) {
                statement.setString(1, budget.period().name());
                statement.setString(2, budget.zone().getId());
                statement.setBigDecimal(3, budget.hardLimit().amount());
                setUsd(statement, 4, budget.softLimit());
                setUsd(statement, 5, budget.itemCap());
                setInstant(statement, 6, now);
                statement.setObject(7, changedBy.value());
                statement.setObject(8, user.value());
                statement.executeUpdate();
            }
            BudgetWindow oldWindow = BudgetRows.window(previous, before.zone(), now);
            if (!oldWindow.start().equals(newWindow.start())) {
                movePeriod(connection, user, newWindow);
            }
            auditLog.record(connection, AuditEntry.byUser(now, changedBy, AuditAction.BUDGET_SET, AuditEntry.user(user),
                    before.own().map(Budget::fields).orElse(Map.of()), budget.fields()));
            return new BudgetChange(user, changedBy, now, before.own(), budget);
        });
    }

    private static void movePeriod(Connection connection, UserId user, BudgetWindow window) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(MOVE_HELD)) {
            setInstant(statement, 1, window.start());
            statement.setObject(2, user.value());
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(CLEAR_OTHER_PERIODS)) {
            statement.setObject(1, user.value());
            setInstant(statement, 2, window.start());
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(RECOUNT_PERIOD)) {
            statement.setObject(1, user.value());
            setInstant(statement, 2, window.start());
            statement.setObject(3, user.value());
            setInstant(statement, 4, window.start());
            setInstant(statement, 5, window.end());
            statement.setObject(6, user.value());
            statement.executeUpdate();
        }
    }

    @Override
    public List<BudgetChange> changes(int limit) {
        return auditLog.recent(AuditAction.BUDGET_SET, limit).stream()
                .map(entry -> new BudgetChange(entry.subjectUser().orElseThrow(), entry.actor().orElseThrow(), entry.at(),
                        entry.before().isEmpty() ? Optional.empty() : Optional.of(Budget.ofFields(entry.before())),
                        Budget.ofFields(entry.after())))
                .toList();
    }

    @Override
    public List<DailySpend> spendPerDay(UserId user, BudgetWindow window) {
        Map<LocalDate, Money> perDay = new LinkedHashMap<>();
        window.days().forEach(day -> perDay.put(day, Money.usd("0")));
        sql.execute("""
                SELECT (at AT TIME ZONE ?)::date AS day, sum(cost_usd) AS spent FROM cost_entries
                WHERE user_id = ? AND at >= ? AND at < ? GROUP BY 1""", statement -> {
            statement.setString(1, window.zone().getId());
            statement.setObject(2, user.value());
            setInstant(statement, 3, window.start());
            setInstant(statement, 4, window.end());
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    perDay.put(row.getObject("day", LocalDate.class), Money.usd(row.getBigDecimal("spent")));
                }
            }
            return null;
        });
        return perDay.entrySet().stream().map(e -> new DailySpend(e.getKey(), e.getValue())).toList();
    }

    @Override
    public List<UserId> pastSoftLimit() {
        List<UserId> candidates = sql.execute("""
                SELECT DISTINCT user_id FROM budget_periods
                WHERE soft_alerted_at IS NOT NULL AND period_start > ?""", statement -> {
            setInstant(statement, 1, clock.instant().minus(Duration.ofDays(32)));
            List<UserId> users = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    users.add(new UserId(uuid(row, "user_id")));
                }
            }
            return users;
        });
        return candidates.stream().filter(user -> budgets.standing(user).pastSoftLimit()).toList();
    }

    @Override
    public int expireStale(Instant now) {
        return budgets.expireStale(now, Optional.empty());
    }

    /** The audit trail stores budgets as plain JSON: amounts as strings, so nothing is rounded. */
}
