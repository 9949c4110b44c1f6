package dev.boomer.application.budgets;

import dev.boomer.domain.budget.Budget;
import dev.boomer.domain.budget.Period;
import dev.boomer.domain.budget.Standing;
import dev.boomer.domain.fixtures.InMemoryItemRepository;
import dev.boomer.domain.fixtures.MutableClock;
import dev.boomer.domain.fixtures.RecordingBudgets;
import dev.boomer.domain.fixtures.RecordingWorkQueue;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.Photo;
import dev.boomer.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ResumeParkedItemsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final InMemoryItemRepository items = new InMemoryItemRepository();
    private final RecordingBudgets budgets = new RecordingBudgets();
    private final RecordingWorkQueue queue = new RecordingWorkQueue();
    private final ResumeParkedItems resume = new ResumeParkedItems(items, budgets, queue, clock);
    private final UserId owner = UserId.random();
    private final Budget budget = new Budget(Period.DAILY, ZoneOffset.UTC, Money.usd("1.00"), Optional.empty(),
            Optional.empty());

    @Test
    void parkedItemsWaitWhileTheBudgetIsFullAndResumeInTheSameAttemptOnceItHasRoom() {
        Item parked = parkedItem();
        standAt("1.00");

        assertThat(resume.resumeAll()).isZero();
        assertThat(items.findById(parked.id()).orElseThrow().status()).isEqualTo(ItemStatus.PARKED);

        standAt("0.00"); // a new period began
        assertThat(resume.resumeAll()).isEqualTo(1);

        Item resumed = items.findById(parked.id()).orElseThrow();
        assertThat(resumed.status()).isEqualTo(ItemStatus.RECEIVED);
        assertThat(resumed.attempt()).isEqualTo(parked.attempt());
        assertThat(resumed.reason()).isEmpty();
        assertThat(queue.enqueued()).containsExactly(parked.id());
    }

    @Test
    void aParkedItemWaitsUntilItsOwnersBudgetHasRoomForTheCallItWasRefused() {
        Item parked = parkedItem("0.30");
        standAt("0.80"); // room for 0.20: some room, but not enough, so resuming would only park it again

        assertThat(resume.resumeAll()).isZero();
        assertThat(items.findById(parked.id()).orElseThrow().status()).isEqualTo(ItemStatus.PARKED);

        standAt("0.70"); // a reservation of another item settled for less
        assertThat(resume.resumeAll()).isEqualTo(1);
        assertThat(queue.enqueued()).containsExactly(parked.id());
    }

    @Test
    void itemsResumeOldestFirstAsFarAsTheRoomGoes() {
        Item oldest = parkedItem("0.40");
        Item middle = parkedItem("0.40");
        Item newest = parkedItem("0.40");
        standAt("0.10"); // room for two of the three

        assertThat(resume.resume(owner)).isEqualTo(2);

        assertThat(queue.enqueued()).containsExactly(oldest.id(), middle.id());
        assertThat(items.findById(newest.id()).orElseThrow().status()).isEqualTo(ItemStatus.PARKED);
    }

    private void standAt(String spent) {
        budgets.standWith(new Standing(owner, Optional.of(budget), budget.windowAt(clock.instant()), Money.usd(spent),
                Money.usd("0")));
    }

    private Item parkedItem() {
        return parkedItem("0.01");
    }

    private Item parkedItem(String waitsFor) {
        Photo photo = new Photo(ContentHash.of(new byte[]{1}), "image/jpeg", 10, 10, 1);
        Item item = Item.received(ItemId.random(), owner, Priority.NORMAL, Optional.empty(), List.of(photo),
                clock.instant());
        items.insert(item);
        clock.advance(Duration.ofSeconds(1));
        Item parked = item.startProcessing(clock.instant()).parked("over_budget: full", Money.usd(waitsFor),
                clock.instant());
        items.update(parked);
        return parked;
    }
}
