package dev.boomer.application.items;

import dev.boomer.domain.fixtures.InMemoryItemRepository;
import dev.boomer.domain.fixtures.MutableClock;
import dev.boomer.domain.fixtures.RecordingWorkQueue;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.Photo;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryItemNowTest {

    private static final Duration LEASE = Duration.ofMinutes(2);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final InMemoryItemRepository items = new InMemoryItemRepository();
    private final RecordingWorkQueue queue = new RecordingWorkQueue();
    private final RetryItemNow retryItemNow = new RetryItemNow(items, queue, clock);
    private final UserId owner = UserId.random();
    private final Viewer operator = new Viewer(UserId.random(), Role.OPERATOR);

    @Test
    void anItemInBoomersOwnBackoffRunsAtOnceInTheSameAttemptWithItsRetries() {
        Item waiting = waitingFor(Duration.ofMinutes(4), true);

        RetryItemNow.Result result = retryItemNow.retryNow(operator, waiting.id());

        assertThat(result).isInstanceOf(RetryItemNow.Retrying.class);
        Item due = items.findById(waiting.id()).orElseThrow();
        assertThat(due.status()).isEqualTo(ItemStatus.RECEIVED);
        assertThat(due.isDue(clock.instant())).isTrue();
        assertThat(due.attempt()).isEqualTo(waiting.attempt());
        assertThat(due.retries()).isEqualTo(waiting.retries());
        assertThat(queue.enqueued()).containsExactly(waiting.id());
    }

    @Test
    void aProvidersWaitIsNeverCutShort() {
        Item waiting = waitingFor(Duration.ofSeconds(20), false);

        RetryItemNow.Result result = retryItemNow.retryNow(operator, waiting.id());

        assertThat(result).isEqualTo(new RetryItemNow.ProvidersWait(waiting, waiting.nextAttemptAt().orElseThrow()));
        assertThat(items.findById(waiting.id())).contains(waiting);
        assertThat(queue.enqueued()).isEmpty();
    }

    @Test
    void anItemThatIsNotWaitingIsLeftAsItIs() {
        Item fresh = received();
        Item due = waitingFor(Duration.ofSeconds(5), true);
        clock.advance(Duration.ofSeconds(6));

        assertThat(retryItemNow.retryNow(operator, fresh.id())).isInstanceOf(RetryItemNow.NotWaiting.class);
        assertThat(retryItemNow.retryNow(operator, due.id())).as("due already").isInstanceOf(RetryItemNow.NotWaiting.class);
        assertThat(queue.enqueued()).isEmpty();
    }

    @Test
    void aSellerMayNotTouchAnotherSellersItem() {
        Item waiting = waitingFor(Duration.ofMinutes(4), true);

        assertThatThrownBy(() -> retryItemNow.retryNow(new Viewer(UserId.random(), Role.SELLER), waiting.id()))
                .isInstanceOf(ItemNotFound.class);
        assertThat(retryItemNow.retryNow(new Viewer(owner, Role.SELLER), waiting.id()))
                .isInstanceOf(RetryItemNow.Retrying.class);
    }

    private Item received() {
        byte[] bytes = ("photo " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        Item item = Item.received(ItemId.random(), owner, Priority.NORMAL, Optional.empty(),
                List.of(new Photo(ContentHash.of(bytes), "image/jpeg", 640, 480, bytes.length)), clock.instant());
        items.insert(item);
        return item;
    }

    /** Claimed, then handed back to wait: after a fault (Boomer's backoff) or at the provider's request. */
    private Item waitingFor(Duration wait, boolean fault) {
        Item claimed = items.claim(received().id(), "worker#1", clock.instant(), LEASE).orElseThrow();
        Item waiting = claimed.waitingUntil(clock.instant().plus(wait), "provider_unavailable: busy", fault,
                clock.instant());
        items.update(waiting);
        return items.findById(waiting.id()).orElseThrow();
    }
}
