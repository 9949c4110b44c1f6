package dev.boomer.budgets;

import dev.boomer.application.budgets.ResumeParkedItems;
import dev.boomer.domain.budget.BudgetBook;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Every {@code boomer.budgets.sweep-interval}: expires reservations nobody settled in time (a worker died
 * mid-call), then resumes parked items whose owner has room again (a new period began). Every instance
 * sweeps; the SQL makes concurrent sweeps harmless.
 */
@Singleton
@Requires(property = "boomer.budgets.sweep-enabled", notEquals = "false")
class BudgetHousekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(BudgetHousekeeping.class);

    private final BudgetBook book;
    private final ResumeParkedItems resume;
    private final Clock clock;

    BudgetHousekeeping(BudgetBook book, ResumeParkedItems resume, Clock clock) {
        this.book = book;
        this.resume = resume;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${boomer.budgets.sweep-interval:30s}", initialDelay = "${boomer.budgets.sweep-interval:30s}")
    void sweep() {
        try {
            book.expireStale(clock.instant());
            int resumed = resume.resumeAll();
            if (resumed > 0) {
                LOG.info("resumed {} parked item(s): their owners' budgets have room again", resumed);
            }
        } catch (RuntimeException e) {
            LOG.warn("budget housekeeping failed; trying again next time: {}", e.toString());
        }
    }
}
