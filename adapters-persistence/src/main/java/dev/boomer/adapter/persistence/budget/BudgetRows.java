package dev.boomer.adapter.persistence.budget;

import dev.boomer.domain.budget.Budget;
import dev.boomer.domain.budget.BudgetWindow;
import dev.boomer.domain.budget.Period;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.user.UserId;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import static dev.boomer.adapter.persistence.jdbc.Sql.setInstant;
import static dev.boomer.adapter.persistence.jdbc.Sql.usd;

/** Reading a user's budget and period row; shared by the reservation side and the administration side. */
final class BudgetRows {

    /** The user's zone and own budget, if any. */
    record UserBudget(ZoneId zone, Optional<Budget> own) {
    }

    /** Spent and reserved in one period. */
    record PeriodRow(Money spent, Money reserved) {
        static final PeriodRow EMPTY = new PeriodRow(Money.usd("0"), Money.usd("0"));
    }

    private static final String SELECT_BUDGET = """
            SELECT time_zone AS user_zone, budget_period AS period, budget_time_zone AS time_zone,
                   budget_hard_limit_usd AS hard_limit_usd, budget_soft_limit_usd AS soft_limit_usd,
                   budget_item_cap_usd AS item_cap_usd
            FROM users WHERE id = ?""";

    private BudgetRows() {
    }

    /**
     * @param lock {@code FOR SHARE} (a reservation: budget edits wait for it), {@code FOR UPDATE} (an edit),
     *             or empty
     */
    static UserBudget userBudget(Connection connection, UserId user, String lock) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT_BUDGET
                + (lock.isEmpty() ? "" : " " + lock))) {
            statement.setObject(1, user.value());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalArgumentException("no user " + user);
                }
                ZoneId zone = ZoneId.of(row.getString("user_zone"));
                if (row.getString("period") == null) {
                    return new UserBudget(zone, Optional.empty());
                }
                return new UserBudget(zone, Optional.of(new Budget(Period.valueOf(row.getString("period")),
                        ZoneId.of(row.getString("time_zone")), Money.usd(row.getBigDecimal("hard_limit_usd")),
                        usd(row, "soft_limit_usd"), usd(row, "item_cap_usd"))));
            }
        }
    }

    /** The user's own budget, else the default in the user's zone, else none (unlimited). */
    static Optional<Budget> effective(UserBudget user, Optional<Budget> defaultBudget) {
        return user.own().or(() -> defaultBudget.map(b -> b.inZone(user.zone())));
    }

    /** The period a budget counts in; an unlimited user's spend is still counted, per local day. */
    static BudgetWindow window(Optional<Budget> budget, ZoneId userZone, Instant now) {
        return budget.map(b -> b.windowAt(now)).orElseGet(() -> Period.DAILY.windowAt(now, userZone));
    }

    static PeriodRow periodRow(Connection connection, UserId user, Instant periodStart) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT spent_usd, reserved_usd FROM budget_periods WHERE user_id = ? AND period_start = ?")) {
            statement.setObject(1, user.value());
            setInstant(statement, 2, periodStart);
            try (ResultSet row = statement.executeQuery()) {
                return row.next()
                        ? new PeriodRow(Money.usd(row.getBigDecimal(1)), Money.usd(row.getBigDecimal(2)))
                        : PeriodRow.EMPTY;
            }
        }
    }

}
