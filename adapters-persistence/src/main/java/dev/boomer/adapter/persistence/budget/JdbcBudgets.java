package dev.boomer.adapter.persistence.budget;

import dev.boomer.adapter.persistence.budget.BudgetRows.PeriodRow;
import dev.boomer.adapter.persistence.budget.BudgetRows.UserBudget;
import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.domain.budget.Budget;
import dev.boomer.domain.budget.BudgetAlerts;
import dev.boomer.domain.budget.BudgetWindow;
import dev.boomer.domain.budget.Budgets;
import dev.boomer.domain.budget.Reservation;
import dev.boomer.domain.budget.ReservationId;
import dev.boomer.domain.budget.Standing;
import dev.boomer.domain.cost.CostKey;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.user.UserId;
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
import static dev.boomer.adapter.persistence.jdbc.Sql.uuid;

/**
 * Budgets enforced by PostgreSQL. A reservation is one transaction that adds its amount to the user's
 * period row with a conditional upsert ({@code spent + reserved + amount <= hard limit}): the row lock
 * serializes concurrent reservations of one user across every instance, so no interleaving can overspend,
 * and a user seen for the first time gets the row from the same statement. Settling moves the actual cost
 * from reserved to spent; releasing and expiry give the amount back. All three are idempotent.
 */
@Singleton
final class JdbcBudgets implements Budgets {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcBudgets.class);
    /** Decimal places of the amount columns. */
    private static final int SCALE = 10;

    private static final String FIND_BY_KEY =
            "SELECT id, amount_usd, state FROM budget_reservations WHERE idempotency_key = ? FOR UPDATE";

    /* The first reservation of a period inserts the row; later ones add to it only while the limit holds. */
    private static final String ADD_RESERVED = """
            INSERT INTO budget_periods AS p (user_id, period_start, spent_usd, reserved_usd)
            VALUES (?, ?, 0, ?)
            ON CONFLICT (user_id, period_start) DO UPDATE
                SET reserved_usd = p.reserved_usd + EXCLUDED.reserved_usd
                WHERE ?::numeric IS NULL OR p.spent_usd + p.reserved_usd + EXCLUDED.reserved_usd <= ?::numeric
            RETURNING spent_usd, reserved_usd""";

    private static final String INSERT_RESERVATION = """
            INSERT INTO budget_reservations (id, idempotency_key, user_id, item_id, period_start, amount_usd,
                                             soft_limit_usd, state, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'HELD', ?, ?)
            ON CONFLICT (idempotency_key) DO NOTHING""";

    private static final String REOPEN_RESERVATION = """
            UPDATE budget_reservations
            SET period_start = ?, amount_usd = ?, soft_limit_usd = ?, state = 'HELD', actual_usd = NULL,
                created_at = ?, expires_at = ?, closed_at = NULL
            WHERE id = ?""";

    private static final String ITEM_COMMITTED = """
            SELECT coalesce(sum(coalesce(actual_usd, amount_usd)), 0) FROM budget_reservations
            WHERE item_id = ? AND state IN ('HELD', 'SETTLED')""";

    /*
     * One statement, so one round trip and atomic without a transaction: closes the reservation if it is in
     * one of the states given, moves the amounts on its period row, and marks the soft limit passed once per
     * period. The mark names the reservation that set it, so exactly one settlement reports it.
     */
    private static final String CLOSE = """
            WITH r AS (SELECT id, state AS was FROM budget_reservations WHERE id = ? FOR UPDATE),
                 closed AS (UPDATE budget_reservations b SET state = ?, actual_usd = ?, closed_at = ?
                            FROM r WHERE b.id = r.id AND r.was IN (%s)
                            RETURNING b.id, b.user_id, b.period_start, b.amount_usd, b.soft_limit_usd, r.was)
            UPDATE budget_periods p
            SET spent_usd = p.spent_usd + coalesce(?::numeric, 0),
                reserved_usd = p.reserved_usd - CASE WHEN c.was = 'HELD' THEN c.amount_usd ELSE 0 END,
                soft_alerted_at = CASE WHEN p.soft_alerted_at IS NULL AND c.soft_limit_usd IS NOT NULL
                                            AND p.spent_usd + coalesce(?::numeric, 0) >= c.soft_limit_usd
                                       THEN ? ELSE p.soft_alerted_at END,
                soft_alerted_by = CASE WHEN p.soft_alerted_at IS NULL AND c.soft_limit_usd IS NOT NULL
                                            AND p.spent_usd + coalesce(?::numeric, 0) >= c.soft_limit_usd
                                       THEN c.id ELSE p.soft_alerted_by END
            FROM closed c
            WHERE p.user_id = c.user_id AND p.period_start = c.period_start
            RETURNING p.user_id, p.soft_alerted_by = c.id AS alerted_now""";

    private static final String UNRESERVE =
            "UPDATE budget_periods SET reserved_usd = reserved_usd - ? WHERE user_id = ? AND period_start = ?";

    private final SqlExecutor sql;
    private final Clock clock;
    private final BudgetConfig config;
    private final BeanProvider<BudgetAlerts> alerts;

    JdbcBudgets(SqlExecutor sql, Clock clock, BudgetConfig config, BeanProvider<BudgetAlerts> alerts) {
        this.sql = sql;
        this.clock = clock;
        this.config = config;
        this.alerts = alerts;
    }

    @Override
    public Reservation reserve(UserId user, CostKey key, Money worstCase) {
        Money amount = Money.usd(worstCase.amount().setScale(SCALE, RoundingMode.CEILING));
        Reservation first = tryReserve(user, key, amount);
        if (first instanceof Reservation.Refused refused && refused.limit() == Reservation.Limit.HARD_LIMIT
                && expireStale(clock.instant(), Optional.of(user)) > 0) {
            return tryReserve(user, key, amount); // room freed by reservations nobody settled in time
        }
        return first;
    }

    /**
     * Usually three statements: the budget, the conditional add, the insert. Only when the key is taken
     * already (the same call reserved twice) is the transaction rolled back and redone looking the key up first.
     */
    private Reservation tryReserve(UserId user, CostKey key, Money amount) {
        try {
            return sql.inTransaction(connection -> reserveIn(connection, user, key, amount, false));
        } catch (RefusedInside refused) {
            return refused.refusal;
        } catch (KeyTaken taken) {
            try {
                return sql.inTransaction(connection -> reserveIn(connection, user, key, amount, true));
            } catch (RefusedInside refused) {
                return refused.refusal;
            }
        }
    }

    private Reservation reserveIn(Connection connection, UserId user, CostKey key, Money amount, boolean lookUpKey)
            throws SQLException {
        Instant now = clock.instant();
        UserBudget userBudget = BudgetRows.userBudget(connection, user, "FOR SHARE");
        Optional<Budget> budget = BudgetRows.effective(userBudget, config.defaultBudget());
        BudgetWindow window = BudgetRows.window(budget, userBudget.zone(), now);

        Optional<Existing> existing = lookUpKey ? findByKey(connection, key) : Optional.empty();
        if (existing.isPresent() && existing.get().isOpenOrDone()) {
            return new Reservation.Granted(existing.get().id(), existing.get().amount());
        }
        Optional<Money> cap = budget.flatMap(Budget::itemCap);
        if (cap.isPresent()) {
            Money committed = itemCommitted(connection, key);
            if (committed.plus(amount).compareTo(cap.get()) > 0) {
                throw new RefusedInside(new Reservation.Refused(Reservation.Limit.ITEM_CAP, cap.get(), committed,
                        amount));
            }
        }
        Optional<Money> hard = budget.map(Budget::hardLimit);
        if (hard.isPresent() && amount.compareTo(hard.get()) > 0) {
            throw new RefusedInside(new Reservation.Refused(Reservation.Limit.HARD_LIMIT, hard.get(), Money.usd("0"),
                    amount));
        }
        if (!addReserved(connection, user, window.start(), amount, hard)) {
            PeriodRow row = BudgetRows.periodRow(connection, user, window.start());
            throw new RefusedInside(new Reservation.Refused(Reservation.Limit.HARD_LIMIT, hard.orElseThrow(),
                    row.spent().plus(row.reserved()), amount));
        }
        Optional<Money> soft = budget.flatMap(Budget::softLimit);
        Instant expires = now.plus(config.reservationTtl());
        if (existing.isPresent()) {
            // the same call made again after its first reservation was released or expired
            try (PreparedStatement statement = connection.prepareStatement(REOPEN_RESERVATION)) {
                setInstant(statement, 1, window.start());
                statement.setBigDecimal(2, amount.amount());
                BudgetRows.setUsd(statement, 3, soft);
                setInstant(statement, 4, now);
                setInstant(statement, 5, expires);
                statement.setObject(6, existing.get().id().value());
                statement.executeUpdate();
            }
            return new Reservation.Granted(existing.get().id(), amount);
        }
        ReservationId id = ReservationId.random();
        try (PreparedStatement statement = connection.prepareStatement(INSERT_RESERVATION)) {
            statement.setObject(1, id.value());
            statement.setString(2, key.value());
            statement.setObject(3, user.value());
            statement.setObject(4, key.item().value());
            setInstant(statement, 5, window.start());
            statement.setBigDecimal(6, amount.amount());
            BudgetRows.setUsd(statement, 7, soft);
            setInstant(statement, 8, now);
            setInstant(statement, 9, expires);
            if (statement.executeUpdate() == 0) {
                throw new KeyTaken();
            }
        }
        return new Reservation.Granted(id, amount);
    }

    private static boolean addReserved(Connection connection, UserId user, Instant periodStart, Money amount,
                                       Optional<Money> hard) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ADD_RESERVED)) {
            statement.setObject(1, user.value());
            setInstant(statement, 2, periodStart);
            statement.setBigDecimal(3, amount.amount());
            BudgetRows.setUsd(statement, 4, hard);
            BudgetRows.setUsd(statement, 5, hard);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    @Override
    public void settle(ReservationId reservation, Money actual) {
        if (actual.amount().scale() > SCALE) {
            throw new IllegalArgumentException("cost " + actual + " has more than " + SCALE + " decimal places");
        }
        close(reservation, "SETTLED", Optional.of(actual), "'HELD', 'EXPIRED'");
    }

    @Override
    public void release(ReservationId reservation) {
        close(reservation, "RELEASED", Optional.empty(), "'HELD'");
    }

    /** Settled once, released once: a second settle or release of the same reservation changes nothing. */
    private void close(ReservationId reservation, String state, Optional<Money> actual, String from) {
        Instant now = clock.instant();
        Optional<UserId> alerted = sql.execute(CLOSE.formatted(from), statement -> {
            BigDecimal spent = actual.map(Money::amount).orElse(null);
            statement.setObject(1, reservation.value());
            statement.setString(2, state);
            statement.setBigDecimal(3, spent);
            setInstant(statement, 4, now);
            statement.setBigDecimal(5, spent);
            statement.setBigDecimal(6, spent);
            setInstant(statement, 7, now);
            statement.setBigDecimal(8, spent);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean("alerted_now")
                        ? Optional.of(new UserId(uuid(row, "user_id"))) : Optional.<UserId>empty();
            }
        });
        alerted.ifPresent(this::alert);
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
                    statement.setBigDecimal(1, entry.getValue());
                    statement.setObject(2, entry.getKey().user());
                    setInstant(statement, 3, entry.getKey().start());
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

    private static Optional<Existing> findByKey(Connection connection, CostKey key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FIND_BY_KEY)) {
            statement.setString(1, key.value());
            try (ResultSet row = statement.executeQuery()) {
                return row.next()
                        ? Optional.of(new Existing(new ReservationId(uuid(row, "id")),
                        Money.usd(row.getBigDecimal("amount_usd")), row.getString("state")))
                        : Optional.empty();
            }
        }
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

    /** A reservation already made under the same key. */
    private record Existing(ReservationId id, Money amount, String state) {
        boolean isOpenOrDone() {
            return state.equals("HELD") || state.equals("SETTLED");
        }
    }

    /** Leaves the transaction (rolling it back): the key was reserved before. */
    private static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super(null, null, false, false);
        }
    }

    /** Leaves the transaction (rolling it back) with the refusal to return. */
    private static final class RefusedInside extends RuntimeException {
        private final Reservation.Refused refusal;

        RefusedInside(Reservation.Refused refusal) {
            super(null, null, false, false);
            this.refusal = refusal;
        }
    }
}
