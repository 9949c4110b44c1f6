package dev.boomer.adapter.persistence.budget;

import dev.boomer.adapter.persistence.budget.BudgetRows.PeriodRow;
import dev.boomer.adapter.persistence.budget.BudgetRows.UserBudget;
import dev.boomer.adapter.persistence.jdbc.Sql;
import dev.boomer.adapter.persistence.cost.JdbcCostLedger;
import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.domain.budget.Budget;
import dev.boomer.domain.budget.BudgetAlerts;
import dev.boomer.domain.budget.BudgetWindow;
import dev.boomer.domain.budget.Budgets;
import dev.boomer.domain.budget.Period;
import dev.boomer.domain.budget.Reservation;
import dev.boomer.domain.budget.ReservationId;
import dev.boomer.domain.budget.Standing;
import dev.boomer.domain.cost.CostEntry;
import dev.boomer.domain.cost.CostKey;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.vision.VisionResult;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import static dev.boomer.adapter.persistence.jdbc.Sql.instant;
import static dev.boomer.adapter.persistence.jdbc.Sql.setInstant;
import static dev.boomer.adapter.persistence.jdbc.Sql.setUsd;
import static dev.boomer.adapter.persistence.jdbc.Sql.uuid;

/**
 * Budgets enforced by PostgreSQL. A reservation is one statement that adds its amount to the user's period
 * row with a conditional upsert ({@code spent + reserved + amount <= hard limit}): the row lock serializes
 * concurrent reservations of one user across every instance, so no interleaving can overspend, and a user
 * seen for the first time gets the row from the same statement. Settling moves the actual cost from
 * reserved to spent; releasing and expiry give the amount back. All three are idempotent.
 */
@Singleton
final class JdbcBudgets implements Budgets {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcBudgets.class);
    /** Decimal places of the amount columns. */
    private static final int SCALE = 10;

    /*
     * A reservation is this one statement, atomic on its own: the user's budget (own, else the default),
     * from the user's row under a share lock, which an edit of the budget waits for and which returns the row
     * as it is now even when an edit committed after this statement's snapshot; the period start, computed in the
     * budget's time zone exactly as Period.windowAt does (a test holds the two to each other); the cap per
     * item; the conditional add to the period row, which the row lock serializes across all instances and
     * which creates the row for a user's first call of a period; and the reservation row. No row back means
     * refused; a duplicate key (the same call reserved twice) fails the whole statement, changing nothing.
     */
    private static final String RESERVE = """
            WITH u AS (
                SELECT u.id,
                       coalesce(u.budget_time_zone, u.time_zone) AS tz,
                       coalesce(u.budget_period, ?) AS period,
                       CASE WHEN u.budget_period IS NULL THEN ?::numeric ELSE u.budget_hard_limit_usd END AS hard,
                       CASE WHEN u.budget_period IS NULL THEN ?::numeric ELSE u.budget_soft_limit_usd END AS soft,
                       CASE WHEN u.budget_period IS NULL THEN ?::numeric ELSE u.budget_item_cap_usd END AS cap
                FROM users u
                WHERE u.id = ?
                FOR SHARE),
            w AS (
                SELECT u.*, (date_trunc(CASE u.period WHEN 'DAILY' THEN 'day' WHEN 'WEEKLY' THEN 'week'
                                                      ELSE 'month' END, ?::timestamptz AT TIME ZONE u.tz)
                             AT TIME ZONE u.tz) AS period_start
                FROM u),
            added AS (
                INSERT INTO budget_periods AS p (user_id, period_start, spent_usd, reserved_usd)
                SELECT w.id, w.period_start, 0, ?::numeric FROM w
                WHERE (w.hard IS NULL OR ?::numeric <= w.hard)
                  AND (w.cap IS NULL OR ?::numeric + (
                        SELECT coalesce(sum(coalesce(actual_usd, amount_usd)), 0) FROM budget_reservations
                        WHERE item_id = ? AND state IN ('HELD', 'SETTLED')) <= w.cap)
                ON CONFLICT (user_id, period_start) DO UPDATE
                    SET reserved_usd = p.reserved_usd + EXCLUDED.reserved_usd
                    WHERE (SELECT hard FROM w) IS NULL
                       OR p.spent_usd + p.reserved_usd + EXCLUDED.reserved_usd <= (SELECT hard FROM w)
                RETURNING p.period_start)
            INSERT INTO budget_reservations (id, idempotency_key, user_id, item_id, period_start, amount_usd,
                                             soft_limit_usd, state, created_at, expires_at)
            SELECT ?, ?, ?, ?, added.period_start, ?, (SELECT soft FROM w), 'HELD', ?, ? FROM added
            RETURNING id""";

    private static final String FIND_OPEN = """
            SELECT id FROM budget_reservations WHERE idempotency_key = ? AND state IN ('HELD', 'SETTLED')""";

    private static final String ITEM_COMMITTED = """
            SELECT coalesce(sum(coalesce(actual_usd, amount_usd)), 0) FROM budget_reservations
            WHERE item_id = ? AND state IN ('HELD', 'SETTLED')""";

    /*
     * One statement, so one round trip and atomic without a transaction: closes the reservation if it is in
     * one of the states given, moves the amounts on its period row, and marks the soft limit passed once per
     * period. The mark names the reservation that set it, so exactly one settlement reports it. The period
     * row is written with ON CONFLICT DO UPDATE, which acts on the row as it is now: a plain UPDATE would
     * miss a row that a concurrent budget edit created after this statement's snapshot was taken.
     */
    private static final String CLOSE = """
            WITH r AS (SELECT id, state AS was FROM budget_reservations WHERE id = ? FOR UPDATE),
                 closed AS (UPDATE budget_reservations b SET state = ?, actual_usd = ?, closed_at = ?
                            FROM r WHERE b.id = r.id AND r.was IN (%s)
                            RETURNING b.id, b.user_id, b.period_start, b.soft_limit_usd,
                                      CASE WHEN r.was = 'HELD' THEN b.amount_usd ELSE 0 END AS held)
            INSERT INTO budget_periods AS p (user_id, period_start, spent_usd, reserved_usd)
            SELECT c.user_id, c.period_start, coalesce(?::numeric, 0), 0 FROM closed c
            ON CONFLICT (user_id, period_start) DO UPDATE
            SET spent_usd = p.spent_usd + EXCLUDED.spent_usd,
                reserved_usd = p.reserved_usd - (SELECT held FROM closed),
                soft_alerted_at = CASE WHEN p.soft_alerted_at IS NULL
                                            AND p.spent_usd + EXCLUDED.spent_usd >= (SELECT soft_limit_usd FROM closed)
                                       THEN ? ELSE p.soft_alerted_at END,
                soft_alerted_by = CASE WHEN p.soft_alerted_at IS NULL
                                            AND p.spent_usd + EXCLUDED.spent_usd >= (SELECT soft_limit_usd FROM closed)
                                       THEN (SELECT id FROM closed) ELSE p.soft_alerted_by END
            RETURNING p.user_id, p.soft_alerted_by IS NOT DISTINCT FROM (SELECT id FROM closed)
                                 AND p.soft_alerted_by IS NOT NULL AS alerted_now""";

    /* As for CLOSE: an upsert acts on the row as it is now, whatever this statement's snapshot saw. */
    private static final String UNRESERVE = """
            INSERT INTO budget_periods AS p (user_id, period_start, spent_usd, reserved_usd) VALUES (?, ?, 0, 0)
            ON CONFLICT (user_id, period_start) DO UPDATE SET reserved_usd = p.reserved_usd - ?""";

    private final SqlExecutor sql;
    private final JdbcCostLedger ledger;
    private final Clock clock;
    private final BudgetConfig config;
    private final BeanProvider<BudgetAlerts> alerts;

    JdbcBudgets(SqlExecutor sql, JdbcCostLedger ledger, Clock clock, BudgetConfig config,
                BeanProvider<BudgetAlerts> alerts) {
        this.sql = sql;
        this.ledger = ledger;
        this.clock = clock;
        this.config = config;
        this.alerts = alerts;
    }

    @Override
    public Reservation reserve(UserId user, CostKey key, Money worstCase) {
        Money amount = Money.usd(worstCase.amount().setScale(SCALE, RoundingMode.CEILING));
        Optional<ReservationId> granted = tryReserve(user, key, amount);
        if (granted.isEmpty() && expireStale(clock.instant(), Optional.of(user)) > 0) {
            granted = tryReserve(user, key, amount); // room freed by reservations nobody settled in time
        }
        return granted.<Reservation>map(id -> new Reservation.Granted(id, amount))
                .orElseGet(() -> refusal(user, key, amount));
    }

    /** The reservation made, or the one already open for this key; empty when refused. */
    private Optional<ReservationId> tryReserve(UserId user, CostKey key, Money amount) {
        Instant now = clock.instant();
        Optional<Budget> fallback = config.defaultBudget();
        ReservationId id = ReservationId.random();
        try {
            return sql.execute(RESERVE, statement -> {
                statement.setString(1, fallback.map(b -> b.period().name()).orElse(Period.DAILY.name()));
                setUsd(statement, 2, fallback.map(Budget::hardLimit));
                setUsd(statement, 3, fallback.flatMap(Budget::softLimit));
                setUsd(statement, 4, fallback.flatMap(Budget::itemCap));
                statement.setObject(5, user.value());
                setInstant(statement, 6, now);
                statement.setBigDecimal(7, amount.amount());
                statement.setBigDecimal(8, amount.amount());
                statement.setBigDecimal(9, amount.amount());
                statement.setObject(10, key.item().value());
                statement.setObject(11, id.value());
                statement.setString(12, key.value());
                statement.setObject(13, user.value());
                statement.setObject(14, key.item().value());
                statement.setBigDecimal(15, amount.amount());
                setInstant(statement, 16, now);
                setInstant(statement, 17, now.plus(config.reservationTtl()));
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(id) : Optional.<ReservationId>empty();
                }
            });
        } catch (RuntimeException e) {
            if (!Sql.isUniqueViolation(e, "budget_reservations_key")) {
                throw e;
            }
            return openReservation(key); // the same call reserved before: the same reservation
        }
    }

    private Optional<ReservationId> openReservation(CostKey key) {
        return sql.execute(FIND_OPEN, statement -> {
            statement.setString(1, key.value());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new ReservationId(uuid(row, "id"))) : Optional.<ReservationId>empty();
            }
        });
    }

    /** Why a reservation was refused, read after the fact for the item's reason (refusals are rare). */
    private Reservation refusal(UserId user, CostKey key, Money amount) {
        return sql.inTransaction(connection -> {
            UserBudget userBudget = BudgetRows.userBudget(connection, user, "");
            Optional<Budget> budget = BudgetRows.effective(userBudget, config.defaultBudget());
            Optional<Money> cap = budget.flatMap(Budget::itemCap);
            if (cap.isPresent()) {
                Money committed = itemCommitted(connection, key);
                if (committed.plus(amount).compareTo(cap.get()) > 0) {
                    return new Reservation.Refused(Reservation.Limit.ITEM_CAP, cap.get(), committed, amount);
                }
            }
            BudgetWindow window = BudgetRows.window(budget, userBudget.zone(), clock.instant());
            PeriodRow row = BudgetRows.periodRow(connection, user, window.start());
            return new Reservation.Refused(Reservation.Limit.HARD_LIMIT,
                    budget.map(Budget::hardLimit).orElse(Money.usd("0")), row.spent().plus(row.reserved()), amount);
        });
    }

    @Override
    public void settle(ReservationId reservation, Money actual) {
        checkScale(actual);
        close(reservation, "SETTLED", Optional.of(actual), "'HELD', 'EXPIRED'");
    }

    private static void checkScale(Money actual) {
        if (actual.amount().scale() > SCALE) {
            throw new IllegalArgumentException("cost " + actual + " has more than " + SCALE + " decimal places");
        }
    }

    @Override
    public void release(ReservationId reservation) {
        close(reservation, "RELEASED", Optional.empty(), "'HELD'");
    }

    @Override
    public void settle(ReservationId reservation, CostEntry paid, Optional<VisionResult> answer) {
        checkScale(paid.cost());
        Optional<UserId> alerted = sql.inTransaction(connection -> {
            ledger.record(connection, paid, answer);
            return close(connection, reservation, "SETTLED", Optional.of(paid.cost()), "'HELD', 'EXPIRED'");
        });
        alerted.ifPresent(this::alert);
    }

    /** Settled once, released once: a second settle or release of the same reservation changes nothing. */
    private void close(ReservationId reservation, String state, Optional<Money> actual, String from) {
        sql.inTransaction(connection -> close(connection, reservation, state, actual, from)).ifPresent(this::alert);
    }

    /** @return the user whose soft limit this closing crossed, to alert once committed */
    private Optional<UserId> close(Connection connection, ReservationId reservation, String state,
                                   Optional<Money> actual, String from) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement statement = connection.prepareStatement(CLOSE.formatted(from))) {
            BigDecimal spent = actual.map(Money::amount).orElse(null);
            statement.setObject(1, reservation.value());
            statement.setString(2, state);
            statement.setBigDecimal(3, spent);
            setInstant(statement, 4, now);
            statement.setBigDecimal(5, spent);
            setInstant(statement, 6, now);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean("alerted_now")
                        ? Optional.of(new UserId(uuid(row, "user_id"))) : Optional.empty();
            }
        }
    }

    private void alert(UserId user) {
        try {
            alerts.find(null).ifPresent(a -> a.softLimitPassed(standing(user)));
        } catch (RuntimeException e) {
            LOG.warn("soft limit alert for {} failed: {}", user, e.toString());
        }
    }

    @Override
    public Standing standing(UserId user) {
        return sql.inTransaction(connection -> {
            UserBudget userBudget = BudgetRows.userBudget(connection, user, "");
            Optional<Budget> budget = BudgetRows.effective(userBudget, config.defaultBudget());
            BudgetWindow window = BudgetRows.window(budget, userBudget.zone(), clock.instant());
            PeriodRow row = BudgetRows.periodRow(connection, user, window.start());
            return new Standing(user, budget, window, row.spent(), row.reserved());
        });
    }

    /**
     * Expires reservations past their time, everyone's or one user's. Rows another transaction holds are
     * skipped (they are being settled or released right now), so two instances sweeping never deadlock.
     */
    public int expireStale(Instant now, Optional<UserId> user) {
        return sql.inTransaction(connection -> {
            String expire = """
                    WITH stale AS (
                        SELECT id FROM budget_reservations
                        WHERE state = 'HELD' AND expires_at < ? %s
                        ORDER BY user_id, period_start
                        FOR UPDATE SKIP LOCKED)
                    UPDATE budget_reservations b SET state = 'EXPIRED', closed_at = ?
                    FROM stale WHERE b.id = stale.id
                    RETURNING b.user_id, b.period_start, b.amount_usd""".formatted(
                    user.isPresent() ? "AND user_id = ?" : "");
            int expired = 0;
            Map<PeriodKey, BigDecimal> freed = new TreeMap<>(PeriodKey.ORDER);
            try (PreparedStatement statement = connection.prepareStatement(expire)) {
                setInstant(statement, 1, now);
                int next = 2;
                if (user.isPresent()) {
                    statement.setObject(next++, user.get().value());
                }
                setInstant(statement, next, now);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        expired++;
                        freed.merge(new PeriodKey(uuid(row, "user_id"), instant(row, "period_start")),
                                row.getBigDecimal("amount_usd"), BigDecimal::add);
                    }
                }
            }
            // period rows in one order, so that concurrent sweeps and reservations cannot deadlock
            for (var entry : freed.entrySet()) {
                try (PreparedStatement statement = connection.prepareStatement(UNRESERVE)) {
                    statement.setObject(1, entry.getKey().user());
                    setInstant(statement, 2, entry.getKey().start());
                    statement.setBigDecimal(3, entry.getValue());
                    statement.executeUpdate();
                }
            }
            if (expired > 0) {
                LOG.info("expired {} budget reservation(s) nobody settled within {}", expired,
                        config.reservationTtl());
            }
            return expired;
        });
    }

    private static Money itemCommitted(Connection connection, CostKey key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ITEM_COMMITTED)) {
            statement.setObject(1, key.item().value());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return Money.usd(row.getBigDecimal(1));
            }
        }
    }

    private record PeriodKey(UUID user, Instant start) {
        static final Comparator<PeriodKey> ORDER = Comparator.comparing(PeriodKey::user)
                .thenComparing(PeriodKey::start);
    }
}
