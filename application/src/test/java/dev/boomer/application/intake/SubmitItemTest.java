package dev.boomer.application.intake;

import dev.boomer.domain.fixtures.FakePhotoNormalizer;
import dev.boomer.domain.fixtures.InMemoryItemRepository;
import dev.boomer.domain.fixtures.InMemoryPhotoStore;
import dev.boomer.domain.fixtures.MutableClock;
import dev.boomer.domain.fixtures.RecordingWorkQueue;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemQuery;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.photo.PhotoRejection;
import dev.boomer.domain.photo.RawPhoto;
import dev.boomer.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SubmitItemTest {

    private final InMemoryPhotoStore photos = new InMemoryPhotoStore();
    private final InMemoryItemRepository items = new InMemoryItemRepository();
    private final RecordingWorkQueue queue = new RecordingWorkQueue();
    private final SubmitItem submitItem = new SubmitItem(new FakePhotoNormalizer(), photos, items, queue,
            new MutableClock(Instant.parse("2026-11-22T10:00:00Z")));
    private final UserId owner = UserId.random();

    @Test
    void anAcceptedItemIsStoredReceivedAndQueuedOnce() {
        SubmitResult result = submitItem.submit(command(photo("a"), photo("b")));

        Item item = ((SubmitResult.Accepted) result).item();
        assertThat(item.status()).isEqualTo(ItemStatus.RECEIVED);
        assertThat(item.photos()).hasSize(2);
        assertThat(photos.size()).isEqualTo(2);
        assertThat(queue.enqueued()).containsExactly(item.id());
        assertThat(items.findById(item.id())).contains(item);
    }

    @Test
    void oneBadPhotoAmongGoodOnesStoresAndQueuesNothing() {
        SubmitResult result = submitItem.submit(command(photo("a"), photo("BAD-b"), photo("c")));

        assertThat(result).isInstanceOfSatisfying(SubmitResult.Rejected.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(PhotoRejection.Reason.CORRUPT));
        assertThat(photos.size()).isZero();
        assertThat(items.find(ItemQuery.all(10))).isEmpty();
        assertThat(queue.enqueued()).isEmpty();
    }

    @Test
    void zeroAndThirteenPhotosAreRefused() {
        assertThat(rejection(submitItem.submit(command()))).isEqualTo(PhotoRejection.Reason.NO_PHOTOS);
        RawPhoto[] thirteen = IntStream.range(0, 13).mapToObj(i -> photo("p" + i)).toArray(RawPhoto[]::new);
        assertThat(rejection(submitItem.submit(command(thirteen)))).isEqualTo(PhotoRejection.Reason.TOO_MANY_PHOTOS);
    }

    @Test
    void theSamePictureTwiceIsOnePhoto() {
        Item item = ((SubmitResult.Accepted) submitItem.submit(command(photo("same"), photo("same")))).item();
        assertThat(item.photos()).hasSize(1);
    }

    private static PhotoRejection.Reason rejection(SubmitResult result) {
        return ((SubmitResult.Rejected) result).rejection().reason();
    }

    private SubmitItemCommand command(RawPhoto... raw) {
        return new SubmitItemCommand(owner, List.of(raw), Priority.NORMAL, Optional.empty());
    }

    private static RawPhoto photo(String content) {
        return new RawPhoto(content + ".jpg", Optional.of("image/jpeg"), content.getBytes(StandardCharsets.UTF_8));
    }
}
