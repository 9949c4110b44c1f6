package dev.boomer.domain.item;

import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.Photo;
import dev.boomer.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void theHappyPathIsAllowed() {
        Item item = anItem().startProcessing(NOW).drafted(NOW);
        assertThat(item.status()).isEqualTo(ItemStatus.DRAFTED);
    }

    @Test
    void aReceivedItemCannotBeDraftedWithoutProcessing() {
        assertThatThrownBy(() -> anItem().drafted(NOW))
                .isInstanceOfSatisfying(IllegalStatusTransition.class, e -> {
                    assertThat(e.from()).isEqualTo(ItemStatus.RECEIVED);
                    assertThat(e.to()).isEqualTo(ItemStatus.DRAFTED);
                });
    }

    @Test
    void aSettledItemCannotBeClaimedAgainWithoutRequeue() {
        assertThat(ItemStatus.DRAFTED.canMoveTo(ItemStatus.PROCESSING)).isFalse();
        assertThat(ItemStatus.FAILED.canMoveTo(ItemStatus.PROCESSING)).isFalse();
        assertThat(ItemStatus.PARKED.canMoveTo(ItemStatus.RECEIVED)).isTrue();
    }

    @Test
    void aRequeueStartsANewAttemptWhileARetryKeepsIt() {
        Item retried = anItem().startProcessing(NOW).waitingUntil(NOW, "provider_unavailable", true, NOW);
        assertThat(retried.attempt()).isEqualTo(1);
        assertThat(retried.reason()).contains("provider_unavailable");

        assertThat(retried.retries()).isEqualTo(1);
        Item waited = retried.startProcessing(NOW).waitingUntil(NOW.plusSeconds(20), "rate_limited", false, NOW);
        assertThat(waited.retries()).as("a provider's wait is no fault").isEqualTo(1);
        assertThat(waited.isDue(NOW.plusSeconds(19))).isFalse();
        assertThat(waited.isDue(NOW.plusSeconds(20))).isTrue();

        Item requeued = waited.startProcessing(NOW).failed("provider_rejected", NOW).requeued(NOW);
        assertThat(requeued.attempt()).isEqualTo(2);
        assertThat(requeued.retries()).isZero();
        assertThat(requeued.status()).isEqualTo(ItemStatus.RECEIVED);
        assertThat(requeued.reason()).isEmpty();
    }

    @Test
    void anItemHasOneToTwelvePhotos() {
        assertThatThrownBy(() -> Item.received(ItemId.random(), UserId.random(), Priority.NORMAL, Optional.empty(),
                List.of(), NOW)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 12");
    }

    static Item anItem() {
        Photo photo = new Photo(ContentHash.of(new byte[]{1}), "image/jpeg", 10, 10, 100);
        return Item.received(ItemId.random(), UserId.random(), Priority.NORMAL, Optional.empty(), List.of(photo), NOW);
    }
}
