package dev.boomer.adapter.persistence.budget;

import dev.boomer.adapter.persistence.TestDatabase;
import dev.boomer.domain.budget.Budget;
import dev.boomer.domain.budget.BudgetBook;
import dev.boomer.domain.budget.Budgets;
import dev.boomer.domain.budget.Period;
import dev.boomer.domain.budget.Reservation;
import dev.boomer.domain.cost.CostKey;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.user.UserId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reservation + settlement pairs per second on PostgreSQL: N threads, each reserving and settling as fast
 * as it can for the given time, spread over some users (each with a budget), as a busy instance would.
 * Also the time one pair takes on an idle system: the overhead a budget check adds per paid call.
 * Prints figures; asserts only that nothing was refused. See docs/benchmarks.md.
 */
@Tag("benchmark")
class BudgetBenchmark {

    private static final int THREADS = Integer.getInteger("bench.threads", 8);
    private static final int USERS = Integer.getInteger("bench.users", 20);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 15);

    @Test
    void reservationsAndSettlementsPerSecond() throws Exception {
        Budgets budgets = TestDatabase.context().getBean(Budgets.class);
        BudgetBook book = TestDatabase.context().getBean(BudgetBook.class);
        UserId admin = JdbcBudgetsTest.newUser(ZoneOffset.UTC);
        List<UserId> users = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            UserId user = JdbcBudgetsTest.newUser(ZoneOffset.UTC);
            book.setBudget(user, new Budget(Period.MONTHLY, ZoneOffset.UTC, Money.usd("100000"),
                    Optional.of(Money.usd("90000")), Optional.empty()), admin);
            users.add(user);
        }
        long[] single = new long[2_000];
        for (int i = 0; i < single.length; i++) {
            long start = System.nanoTime();
            pair(budgets, users.get(i % USERS));
            single[i] = System.nanoTime() - start;
        }
        Arrays.sort(single);

        LongAdder pairs = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                int n = thread;
                while (System.nanoTime() < end) {
                    pair(budgets, users.get(n++ % USERS));
                    pairs.increment();
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();

        double perSecond = pairs.sum() / (double) SECONDS;
        System.out.printf(Locale.ROOT, """

                ==== Boomer budget benchmark (PostgreSQL) ====
                threads x users       %d x %d, %d s
                reserve + settle      %.0f pairs/s  (%.0f operations/s)
                one pair, idle        p50 %.2f ms   p95 %.2f ms   (the overhead per paid call)
                """, THREADS, USERS, SECONDS, perSecond, 2 * perSecond, single[single.length / 2] / 1e6,
                single[(int) (single.length * 0.95)] / 1e6);
    }

    private static void pair(Budgets budgets, UserId user) {
        Reservation reservation = budgets.reserve(user, new CostKey(ItemId.random(), "vision-fast", 1),
                Money.usd("0.0123"));
        assertThat(reservation).isInstanceOf(Reservation.Granted.class);
        budgets.settle(((Reservation.Granted) reservation).id(), Money.usd("0.0061"));
    }
}
