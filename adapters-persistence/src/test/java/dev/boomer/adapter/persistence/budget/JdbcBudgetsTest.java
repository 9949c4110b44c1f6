package dev.boomer.adapter.persistence.budget;

import dev.boomer.adapter.persistence.TestDatabase;
import dev.boomer.adapter.persistence.audit.JdbcAuditLog;
import dev.boomer.adapter.persistence.cost.JdbcCostLedger;
import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.domain.budget.Budget;
import dev.boomer.domain.budget.BudgetAlerts;
import dev.boomer.domain.budget.BudgetChange;
import dev.boomer.domain.budget.Period;
import dev.boomer.domain.budget.Reservation;
import dev.boomer.domain.cost.CostEntry;
import dev.boomer.domain.budget.Standing;
import dev.boomer.domain.cost.CostKey;
import dev.boomer.application.budgets.ResumeParkedItems;
import dev.boomer.domain.fixtures.MutableClock;
import dev.boomer.domain.fixtures.RecordingWorkQueue;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.Photo;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.User;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.user.UserRepository;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.Usage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reservation protocol on a real PostgreSQL, with a clock the test moves. */
class JdbcBudgetsTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T15:00:00Z"));
    private final List<Standing> alerts = new CopyOnWriteArrayList<>();
    private JdbcBudgets budgets;
    private JdbcBudgetBook book;
    private UserId user;
    private UserId admin;

    @BeforeEach
    void setUp() {
        TestDatabase.truncateAll();
        budgets = budgets(clock, Duration.ofMinutes(10));
        book = new JdbcBudgetBook(sql(), clock, config(Duration.ofMinutes(10)), TestDatabase.context().getBean(JdbcAuditLog.class), budgets);
        user = newUser(NEW_YORK);
        admin = newUser(ZoneOffset.UTC);
    }

    @Test
    void reservationsFitUnderTheHardLimitAndSettlingMovesTheActualCostToSpent() {
        setBudget(daily("1.00", null));

        Reservation.Granted first = granted(reserve("0.60", "vision-fast"));
        Reservation second = reserve("0.50", "vision-smart");

        assertThat(second).isInstanceOfSatisfying(Reservation.Refused.class, refused -> {
            assertThat(refused.limit()).isEqualTo(Reservation.Limit.HARD_LIMIT);
            assertThat(refused.committed()).isEqualTo(Money.usd("0.60"));
        });
        budgets.settle(first.id(), Money.usd("0.25"));
        budgets.settle(first.id(), Money.usd("0.25")); // idempotent

        assertStanding("0.25", "0");
        granted(reserve("0.50", "vision-smart"));
        assertStanding("0.25", "0.50");
    }

    @Test
    void releasingGivesTheAmountBackOnceAndASettledReservationCannotBeReleased() {
        setBudget(daily("1.00", null));
        Reservation.Granted held = granted(reserve("0.80", "vision-fast"));

        budgets.release(held.id());
        budgets.release(held.id());
        assertStanding("0", "0");

        Reservation.Granted again = granted(reserve("0.80", "vision-smart"));
        budgets.settle(again.id(), Money.usd("0.10"));
        budgets.release(again.id());
        assertStanding("0.10", "0");
    }

    @Test
    void theSameKeyReservedTwiceIsOneReservation() {
        setBudget(daily("1.00", null));
        CostKey key = new CostKey(ItemId.random(), "vision-fast", 1);

        Reservation.Granted first = granted(budgets.reserve(user, key, Money.usd("0.40")));
        Reservation.Granted second = granted(budgets.reserve(user, key, Money.usd("0.40")));

        assertThat(second.id()).isEqualTo(first.id());
        assertStanding("0", "0.40");
    }

    @Test
    void aUserWithoutABudgetIsUnlimitedButStillCounted() {
        Reservation.Granted held = granted(reserve("500.00", "vision-fast"));
        budgets.settle(held.id(), Money.usd("1.5"));

        Standing standing = budgets.standing(user);
        assertThat(standing.budget()).isEmpty();
        assertThat(standing.spent()).isEqualTo(Money.usd("1.5"));
        assertThat(standing.hasRoom()).isTrue();
    }

    @Test
    void aReservationNobodySettlesExpiresAndFreesItsAmountForTheNextRequest() {
        setBudget(daily("1.00", null));
        granted(reserve("0.90", "vision-fast")); // the worker died: never settled, never released

        assertThat(reserve("0.50", "vision-smart")).isInstanceOf(Reservation.Refused.class);
        clock.advance(Duration.ofMinutes(11));

        granted(reserve("0.50", "vision-smart"));
        assertStanding("0", "0.50");
    }

    @Test
    void aPaidCallIsRecordedAndSettledTogetherOnceWhateverHappensToItsReservation() {
        setBudget(daily("1.00", null));
        Reservation.Granted held = granted(reserve("0.90", "vision-fast"));
        CostEntry paid = paidCall("vision-fast", "0.30");

        budgets.settle(held.id(), paid);
        budgets.settle(held.id(), paid); // a retried settle: neither recorded nor counted twice

        assertStanding("0.30", "0");
        assertThat(ledger().entriesFor(paid.key().item())).containsExactly(paid);

        Reservation.Granted slow = granted(reserve("0.50", "vision-smart"));
        clock.advance(Duration.ofMinutes(11));
        book.expireStale(clock.instant());
        CostEntry late = paidCall("vision-smart", "0.20");
        budgets.settle(slow.id(), late);
        assertStanding("0.50", "0");
        assertThat(ledger().entriesFor(late.key().item())).containsExactly(late);
    }

    @Test
    void whenSettlingFailsAfterTheLedgerEntryTheEntryIsNotKeptEither() {
        setBudget(daily("1.00", null));
        Reservation.Granted held = granted(reserve("0.40", "vision-fast"));
        CostEntry paid = paidCall("vision-fast", "0.3131");
        // the settlement's UPDATE fails, as a lost connection would after the ledger INSERT went through
        execute("CREATE FUNCTION refuse_settling() RETURNS trigger LANGUAGE plpgsql AS"
                + " $$ BEGIN RAISE EXCEPTION 'settling refused'; END $$");
        execute("CREATE TRIGGER refuse_settling BEFORE UPDATE ON budget_reservations FOR EACH ROW"
                + " WHEN (NEW.actual_usd = 0.3131) EXECUTE FUNCTION refuse_settling()");
        try {
            assertThatThrownBy(() -> budgets.settle(held.id(), paid)).hasMessageContaining("settling refused");
        } finally {
            execute("DROP TRIGGER refuse_settling ON budget_reservations");
            execute("DROP FUNCTION refuse_settling()");
        }

        assertThat(ledger().entriesFor(paid.key().item())).as("both or neither").isEmpty();
        assertStanding("0", "0.40");
        budgets.settle(held.id(), paid);
        assertThat(ledger().entriesFor(paid.key().item())).containsExactly(paid);
        assertStanding("0.3131", "0");
    }

    private static void execute(String statement) {
        sql().execute(statement, PreparedStatement::execute);
    }

    private CostEntry paidCall(String step, String cost) {
        return new CostEntry(new CostKey(ItemId.random(), step, 1), user, "anthropic", "claude-haiku-4-5", Tier.FAST,
                new Usage(1200, 300, 0, 0, 1), Money.usd(cost), clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void aLateSettlementOfAnExpiredReservationStillCountsWhatWasSpent() {
        setBudget(daily("1.00", null));
        Reservation.Granted slow = granted(reserve("0.90", "vision-fast"));
        clock.advance(Duration.ofMinutes(11));
        book.expireStale(clock.instant());

        budgets.settle(slow.id(), Money.usd("0.30"));

        assertStanding("0.30", "0");
    }

    @Test
    void theCapPerItemCountsEverythingTheItemCost() {
        setBudget(new Budget(Period.DAILY, NEW_YORK, Money.usd("10"), Optional.empty(), Optional.of(Money.usd("0.05"))));
        ItemId item = ItemId.random();
        Reservation.Granted fast = granted(budgets.reserve(user, new CostKey(item, "vision-fast", 1), Money.usd("0.04")));
        budgets.settle(fast.id(), Money.usd("0.03"));

        Reservation smart = budgets.reserve(user, new CostKey(item, "vision-smart", 1), Money.usd("0.03"));

        assertThat(smart).isInstanceOfSatisfying(Reservation.Refused.class, refused -> {
            assertThat(refused.limit()).isEqualTo(Reservation.Limit.ITEM_CAP);
            assertThat(refused.committed()).isEqualTo(Money.usd("0.03"));
        });
        granted(budgets.reserve(user, new CostKey(ItemId.random(), "vision-smart", 1), Money.usd("0.03")));
    }

    @Test
    void theDayEndsAtLocalMidnightOnTheDayTheClocksGoBack() {
        setBudget(daily("1.00", null));
        // 2026-11-01 in New York has 25 hours: 00:30 EDT is 04:30Z, the next midnight (EST) is 05:00Z on the 2nd
        clock.set(Instant.parse("2026-11-01T04:30:00Z"));
        budgets.settle(granted(reserve("1.00", "vision-fast")).id(), Money.usd("1.00"));

        clock.set(Instant.parse("2026-11-02T04:30:00Z")); // 23:30 EST, 24 hours later: still the same day
        assertThat(reserve("0.01", "vision-smart")).isInstanceOf(Reservation.Refused.class);
        assertThat(budgets.standing(user).hasRoom()).isFalse();

        clock.set(Instant.parse("2026-11-02T05:00:01Z")); // 00:00:01 EST on the 2nd
        granted(reserve("0.01", "vision-smart"));
        assertThat(budgets.standing(user).window().firstDay()).hasToString("2026-11-02");
    }

    @Test
    void theDayEndsAtLocalMidnightOnTheDayTheClocksGoForward() {
        setBudget(daily("1.00", null));
        // 2026-03-08 in New York has 23 hours: midnight EST is 05:00Z, the next midnight (EDT) is 04:00Z on the 9th
        clock.set(Instant.parse("2026-03-08T05:30:00Z"));
        budgets.settle(granted(reserve("1.00", "vision-fast")).id(), Money.usd("1.00"));

        clock.set(Instant.parse("2026-03-09T03:59:59Z"));
        assertThat(reserve("0.01", "vision-smart")).isInstanceOf(Reservation.Refused.class);
        clock.set(Instant.parse("2026-03-09T04:00:00Z"));
        granted(reserve("0.01", "vision-smart"));
    }

    @Test
    void passingTheSoftLimitAlertsOncePerPeriod() {
        setBudget(daily("1.00", "0.50"));

        budgets.settle(granted(reserve("0.40", "a")).id(), Money.usd("0.40"));
        assertThat(alerts).isEmpty();
        budgets.settle(granted(reserve("0.20", "b")).id(), Money.usd("0.20"));
        budgets.settle(granted(reserve("0.20", "c")).id(), Money.usd("0.20"));

        assertThat(alerts).singleElement().satisfies(standing -> {
            assertThat(standing.pastSoftLimit()).isTrue();
            assertThat(standing.spent()).isEqualTo(Money.usd("0.60"));
        });
        clock.advance(Duration.ofDays(1));
        budgets.settle(granted(reserve("0.60", "d")).id(), Money.usd("0.60"));
        assertThat(alerts).hasSize(2);
    }

    @Test
    void changingDailyToMonthlyKeepsThisMonthsSpendAndEveryChangeIsAudited() {
        setBudget(daily("1.00", null));
        budgets.settle(granted(reserve("0.70", "a")).id(), Money.usd("0.70"));
        clock.advance(Duration.ofDays(1));
        budgets.settle(granted(reserve("0.70", "b")).id(), Money.usd("0.70"));
        Reservation.Granted held = granted(reserve("0.20", "c"));

        Budget monthly = new Budget(Period.MONTHLY, NEW_YORK, Money.usd("2.00"), Optional.empty(), Optional.empty());
        book.setBudget(user, monthly, admin);

        assertStanding("1.40", "0.20");
        assertThat(reserve("0.50", "d")).isInstanceOf(Reservation.Refused.class);
        budgets.settle(held.id(), Money.usd("0.10"));
        assertStanding("1.50", "0");
        List<BudgetChange> changes = book.changes(10);
        assertThat(changes).hasSize(2);
        assertThat(changes.getFirst().before()).contains(daily("1.00", null));
        assertThat(changes.getFirst().after()).isEqualTo(monthly);
        assertThat(changes.getFirst().changedBy()).isEqualTo(admin);
    }

    @Test
    void aParkedItemResumesByItselfWhenTheNextDayBeginsInTheUsersZone() {
        setBudget(daily("0.10", null));
        ItemRepository items = TestDatabase.context().getBean(ItemRepository.class);
        RecordingWorkQueue queue = new RecordingWorkQueue();
        ResumeParkedItems resume = new ResumeParkedItems(items, budgets, queue, clock);
        clock.set(Instant.parse("2026-12-02T04:00:00Z")); // 23:00 in New York on the 1st
        budgets.settle(granted(reserve("0.10", "vision-fast")).id(), Money.usd("0.10"));
        Item item = Item.received(ItemId.random(), user, Priority.NORMAL, Optional.empty(),
                List.of(new Photo(ContentHash.of(new byte[]{7}), "image/jpeg", 10, 10, 1)), clock.instant());
        items.insert(item);
        items.update(item.startProcessing(clock.instant()).parked("over_budget: full", Money.usd("0.01"), clock.instant()));

        assertThat(resume.resumeAll()).isZero();
        clock.set(Instant.parse("2026-12-02T05:00:00Z")); // midnight in New York: a new day, a new budget

        assertThat(resume.resumeAll()).isEqualTo(1);
        assertThat(items.findById(item.id()).orElseThrow().status()).isEqualTo(ItemStatus.RECEIVED);
        assertThat(queue.enqueued()).containsExactly(item.id());
    }

    /** Reservations find their period in SQL; standings, in Java: the two must always name the same start. */
    @Test
    void postgresAndJavaAgreeOnWhereEveryPeriodStarts() throws Exception {
        List<String> zones = List.of("UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe",
                "America/Sao_Paulo", "Pacific/Chatham", "America/St_Johns", "Asia/Tehran");
        List<Instant> instants = new java.util.ArrayList<>();
        for (Instant at = Instant.parse("2018-10-01T00:00:00Z"); at.isBefore(Instant.parse("2019-04-01T00:00:00Z"));
             at = at.plus(Duration.ofHours(7).plusMinutes(13))) {
            instants.add(at);
        }
        try (java.sql.Connection connection = TestDatabase.connect(TestDatabase.database());
             java.sql.PreparedStatement statement = connection.prepareStatement("""
                     SELECT date_trunc(?, ?::timestamptz AT TIME ZONE ?) AT TIME ZONE ?""")) {
            for (String zone : zones) {
                for (Period period : Period.values()) {
                    String unit = switch (period) {
                        case DAILY -> "day";
                        case WEEKLY -> "week";
                        case MONTHLY -> "month";
                    };
                    for (Instant at : instants) {
                        statement.setString(1, unit);
                        statement.setObject(2, java.time.OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                        statement.setString(3, zone);
                        statement.setString(4, zone);
                        try (java.sql.ResultSet row = statement.executeQuery()) {
                            row.next();
                            Instant postgres = row.getObject(1, java.time.OffsetDateTime.class).toInstant();
                            assertThat(postgres).as(period + " containing " + at + " in " + zone)
                                    .isEqualTo(period.windowAt(at, ZoneId.of(zone)).start());
                        }
                    }
                }
            }
        }
    }

    private void assertStanding(String spent, String reserved) {
        Standing standing = budgets.standing(user);
        assertThat(standing.spent()).as("spent").isEqualTo(Money.usd(spent));
        assertThat(standing.reserved()).as("reserved").isEqualTo(Money.usd(reserved));
    }

    private Reservation reserve(String amount, String step) {
        return budgets.reserve(user, new CostKey(ItemId.random(), step, 1), Money.usd(amount));
    }

    private static Reservation.Granted granted(Reservation reservation) {
        assertThat(reservation).isInstanceOf(Reservation.Granted.class);
        return (Reservation.Granted) reservation;
    }

    private void setBudget(Budget budget) {
        book.setBudget(user, budget, admin);
    }

    private static Budget daily(String hard, String soft) {
        return new Budget(Period.DAILY, NEW_YORK, Money.usd(hard), Optional.ofNullable(soft).map(Money::usd),
                Optional.empty());
    }

    private JdbcBudgets budgets(MutableClock clock, Duration ttl) {
        BudgetAlerts recording = alerts::add;
        return new JdbcBudgets(sql(), ledger(), clock, config(ttl), () -> recording);
    }

    static BudgetConfig config(Duration ttl) {
        return new BudgetConfig(ttl, Period.MONTHLY, null, null, null);
    }

    static JdbcCostLedger ledger() {
        return TestDatabase.context().getBean(JdbcCostLedger.class);
    }

    static SqlExecutor sql() {
        return TestDatabase.context().getBean(SqlExecutor.class);
    }

    static UserId newUser(ZoneId zone) {
        User user = new User(UserId.random(), "u" + UserId.random().value().toString().substring(0, 8), Role.OPERATOR,
                zone, Instant.EPOCH);
        TestDatabase.context().getBean(UserRepository.class).insert(user);
        return user.id();
    }
}
