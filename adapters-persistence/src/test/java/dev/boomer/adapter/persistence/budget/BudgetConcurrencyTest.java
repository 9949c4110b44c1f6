package dev.boomer.adapter.persistence.budget;

import dev.boomer.adapter.persistence.TestDatabase;
import dev.boomer.domain.budget.Budget;
import dev.boomer.domain.budget.BudgetBook;
import dev.boomer.domain.budget.Budgets;
import dev.boomer.domain.budget.Period;
import dev.boomer.domain.budget.Reservation;
import dev.boomer.domain.budget.Standing;
import dev.boomer.domain.cost.CostKey;
import dev.boomer.domain.fixtures.MutableClock;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.user.UserId;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application contexts (two connection pools, as two Boomer instances would have) on one PostgreSQL
 * database, reserving against the same budgets at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BudgetConcurrencyTest {

    private static final Duration TTL = Duration.ofMinutes(10);

    /** Both instances' clock: a Wednesday, so that its day, week and month all start at different instants. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T12:00:00Z"));

    private ApplicationContext first;
    private ApplicationContext second;

    @BeforeAll
    void startTwoInstances() {
        String database = TestDatabase.database();
        first = instance(database);
        second = instance(database);
    }

    @AfterAll
    void stop() {
        first.close();
        second.close();
    }

    @Test
    void aHundredReservationsAtOnceAdmitExactlyWhatTheBudgetAffords() throws Exception {
        // seen for the first time: no budget of its own (the default of 3.70 applies) and no period row yet
        UserId user = JdbcBudgetsTest.newUser(ZoneOffset.UTC);
        int attempts = 100;
        CyclicBarrier start = new CyclicBarrier(attempts);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Money> observed = new CopyOnWriteArrayList<>();
        Thread watcher = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                Standing standing = budgets(first).standing(user);
                observed.add(standing.spent().plus(standing.reserved()));
            }
        });

        List<Reservation> outcomes = inParallel(attempts, i -> {
            start.await(10, TimeUnit.SECONDS);
            return budgets(i % 2 == 0 ? first : second).reserve(user, key(), Money.usd("0.10"));
        });
        running.set(false);
        watcher.join();

        List<Reservation.Granted> granted = outcomes.stream().filter(Reservation.Granted.class::isInstance)
                .map(Reservation.Granted.class::cast).toList();
        assertThat(granted).hasSize(37);
        assertThat(observed).isNotEmpty().allSatisfy(total ->
                assertThat(total).isLessThanOrEqualTo(Money.usd("3.70")));
        assertThat(budgets(first).standing(user).reserved()).isEqualTo(Money.usd("3.70"));

        inParallel(granted.size(), i -> {
            budgets(i % 2 == 0 ? second : first).settle(granted.get(i).id(), Money.usd("0.05"));
            return null;
        });
        Standing settled = budgets(second).standing(user);
        assertThat(settled.reserved()).isEqualTo(Money.usd("0"));
        assertThat(settled.spent()).isEqualTo(Money.usd("1.85"));
    }

    @Test
    void whenOneCallInFiveFailsOrIsAbandonedNothingLeaksPastExpiryAndNoRoomIsRefused() throws Exception {
        UserId user = JdbcBudgetsTest.newUser(ZoneOffset.UTC);
        setBudget(user, "1.00", Optional.empty());
        int calls = 50;

        List<String> fates = inParallel(calls, i -> {
            Budgets budgets = budgets(i % 2 == 0 ? first : second);
            Reservation reservation = budgets.reserve(user, key(), Money.usd("0.02"));
            assertThat(reservation).isInstanceOf(Reservation.Granted.class);
            Reservation.Granted granted = (Reservation.Granted) reservation;
            if (i % 10 == 0) {
                return "abandoned"; // the worker died mid-call: neither settled nor released
            }
            if (i % 10 == 1) {
                budgets.release(granted.id()); // the call failed or was cancelled
                return "released";
            }
            budgets.settle(granted.id(), Money.usd("0.01"));
            return "settled";
        });
        long settled = fates.stream().filter("settled"::equals).count();
        assertThat(fates.stream().filter("abandoned"::equals).count()).isEqualTo(5);
        assertThat(budgets(first).standing(user).reserved()).isEqualTo(Money.usd("0.10"));

        clock.advance(TTL.plusSeconds(1));
        Money room = Money.usd("1.00").minus(Money.usd("0.01").times(settled));
        Reservation all = budgets(second).reserve(user, key(), room);

        assertThat(all).as("every cent not spent can be reserved once the abandoned reservations expired")
                .isInstanceOf(Reservation.Granted.class);
        Standing standing = budgets(first).standing(user);
        assertThat(standing.reserved()).isEqualTo(room);
        assertThat(standing.spent()).isEqualTo(Money.usd("0.01").times(settled));
    }

    @Test
    void budgetEditsAndChargesAtTheSameTimeLoseNoUpdate() throws Exception {
        UserId user = JdbcBudgetsTest.newUser(ZoneOffset.UTC);
        UserId admin = JdbcBudgetsTest.newUser(ZoneOffset.UTC);
        setBudget(user, "100", Optional.empty());
        int edits = 40;

        editWhileCharging(user, admin, edits, edit -> budget(String.valueOf(100 + edit), Optional.of(Money.usd("90"))),
                200);

        Standing standing = budgets(first).standing(user);
        assertThat(standing.spent()).isEqualTo(Money.usd("2.00"));
        assertThat(standing.reserved()).isEqualTo(Money.usd("0"));
        assertThat(book(second).changes(1_000).stream().filter(c -> c.user().equals(user)).count())
                .isEqualTo(edits + 1);
        assertThat(book(first).budgetOf(user).orElseThrow().hardLimit())
                .isEqualTo(book(first).changes(1_000).stream().filter(c -> c.user().equals(user)).findFirst()
                        .orElseThrow().after().hardLimit());
    }

    @Test
    void switchingThePeriodWhileChargesRunLosesNoCharge() throws Exception {
        UserId user = JdbcBudgetsTest.newUser(ZoneOffset.UTC);
        UserId admin = JdbcBudgetsTest.newUser(ZoneOffset.UTC);
        setBudget(user, "100", Optional.empty());
        List<Period> periods = List.of(Period.WEEKLY, Period.DAILY, Period.MONTHLY);

        editWhileCharging(user, admin, 30, edit -> new Budget(periods.get(edit % periods.size()), ZoneOffset.UTC,
                Money.usd("100"), Optional.empty(), Optional.empty()), 150);
        // every charge was made today, so whichever period is set last, all of them are in it
        book(first).setBudget(user, new Budget(Period.MONTHLY, ZoneOffset.UTC, Money.usd("100"), Optional.empty(),
                Optional.empty()), admin);

        Standing standing = budgets(second).standing(user);
        assertThat(standing.spent()).isEqualTo(Money.usd("1.50"));
        assertThat(standing.reserved()).isEqualTo(Money.usd("0"));
    }

    /** Budget edits from one instance or the other, and charges of 0.01 (reserving 0.02), all at once. */
    private void editWhileCharging(UserId user, UserId admin, int edits, IntFunction<Budget> edit, int charges)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> work = new ArrayList<>();
        for (int e = 0; e < edits; e++) {
            Budget budget = edit.apply(e);
            ApplicationContext instance = e % 2 == 0 ? first : second;
            work.add(pool.submit(() -> book(instance).setBudget(user, budget, admin)));
        }
        for (int c = 0; c < charges; c++) {
            Budgets budgets = budgets(c % 2 == 0 ? first : second);
            work.add(pool.submit(() -> {
                Reservation.Granted granted = (Reservation.Granted) budgets.reserve(user, key(), Money.usd("0.02"));
                budgets.settle(granted.id(), Money.usd("0.01"));
            }));
        }
        for (Future<?> future : work) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }

    @FunctionalInterface
    private interface Task<T> {
        T run(int index) throws Exception;
    }

    private static <T> List<T> inParallel(int count, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.run(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private void setBudget(UserId user, String hard, Optional<Money> soft) {
        book(first).setBudget(user, budget(hard, soft), JdbcBudgetsTest.newUser(ZoneOffset.UTC));
    }

    private static Budget budget(String hard, Optional<Money> soft) {
        return new Budget(Period.DAILY, ZoneOffset.UTC, Money.usd(hard), soft, Optional.empty());
    }

    private static CostKey key() {
        return new CostKey(ItemId.random(), "vision-fast", 1);
    }

    private static Budgets budgets(ApplicationContext context) {
        return context.getBean(Budgets.class);
    }

    private static BudgetBook book(ApplicationContext context) {
        return context.getBean(BudgetBook.class);
    }

    private ApplicationContext instance(String database) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.datasourceProperties(database));
        properties.put("datasources.default.maximum-pool-size", 30);
        properties.put("boomer.budgets.reservation-ttl", TTL.toString());
        properties.put("boomer.budgets.default-period", "DAILY");
        properties.put("boomer.budgets.default-hard-limit-usd", "3.70");
        properties.put("boomer.photos.dir", System.getProperty("java.io.tmpdir"));
        return ApplicationContext.builder().properties(properties).singletons(clock).start();
    }
}
