package dev.boomer.inbox;

import dev.boomer.application.intake.SubmitItem;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemQuery;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.NormalizedPhoto;
import dev.boomer.domain.photo.Photo;
import dev.boomer.domain.photo.PhotoCheck;
import dev.boomer.domain.photo.PhotoNormalizer;
import dev.boomer.domain.photo.PhotoRejection;
import dev.boomer.domain.photo.PhotoStore;
import dev.boomer.domain.photo.RawPhoto;
import dev.boomer.domain.work.WorkQueue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A real {@link SubmitItem} over tiny in-memory ports, enough for the inbox's tests. */
final class IntakeDoubles {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};

    final Items items = new Items();
    final Queue queue = new Queue();
    final Photos photos = new Photos();
    final SubmitItem submitItem;

    IntakeDoubles(Clock clock) {
        submitItem = new SubmitItem(IntakeDoubles::normalize, photos, items, queue, clock);
    }

    /** Any bytes starting like a JPEG are a 10x10 JPEG; anything else is refused. */
    private static PhotoCheck normalize(RawPhoto raw) {
        byte[] bytes = raw.bytes();
        if (bytes.length < 2 || bytes[0] != (byte) 0xFF || bytes[1] != (byte) 0xD8) {
            return new PhotoCheck.Rejected(new PhotoRejection(PhotoRejection.Reason.UNSUPPORTED_TYPE, raw.name(),
                    "not a JPEG, PNG or WebP image"));
        }
        Photo photo = new Photo(ContentHash.of(bytes), "image/jpeg", 10, 10, bytes.length);
        return new PhotoCheck.Accepted(new NormalizedPhoto(photo, bytes));
    }

    static final class Items implements ItemRepository {
        final Map<ItemId, Item> byId = new LinkedHashMap<>();
        RuntimeException outage;

        @Override
        public void insert(Item item) {
            if (outage != null) {
                throw outage;
            }
            byId.put(item.id(), item);
        }

        @Override
        public Optional<Item> findById(ItemId id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public void update(Item item) {
            byId.put(item.id(), item);
        }

        @Override
        public List<Item> find(ItemQuery query) {
            return List.copyOf(byId.values());
        }

        @Override
        public Map<ItemStatus, Long> countByStatus() {
            throw new UnsupportedOperationException("not used by intake");
        }

        @Override
        public Optional<Item> claim(ItemId id, String worker, Instant now, Duration lease) {
            throw new UnsupportedOperationException("not used by intake");
        }

        @Override
        public Optional<ItemId> mostUrgentDue(Instant now, java.util.Set<ItemId> except) {
            throw new UnsupportedOperationException("not used by intake");
        }

        @Override
        public boolean holdsPhoto(ContentHash photo, Optional<dev.boomer.domain.user.UserId> owner) {
            throw new UnsupportedOperationException("not used by intake");
        }

        @Override
        public boolean renewLease(ItemId id, String holder, java.time.Instant now, java.time.Duration lease) {
            throw new UnsupportedOperationException("not used by intake");
        }

        @Override
        public List<dev.boomer.domain.item.ItemEvent> history(ItemId id) {
            throw new UnsupportedOperationException("not used by intake");
        }

        @Override
        public List<Item> releaseHeldBy(String instance, String reason, java.time.Instant now) {
            throw new UnsupportedOperationException("not used by intake");
        }

        @Override
        public boolean updateHeld(Item item, String holder) {
            throw new UnsupportedOperationException("not used by intake");
        }

        @Override
        public boolean updateIfUnchanged(Item item, java.time.Instant readAt) {
            throw new UnsupportedOperationException("not used by intake");
        }

        @Override
        public List<Item> findUnattended(java.time.Instant dueBefore, java.time.Instant now, int limit) {
            throw new UnsupportedOperationException("not used by intake");
        }
    }

    static final class Queue implements WorkQueue {
        final List<ItemId> enqueued = new ArrayList<>();
        final List<Priority> priorities = new ArrayList<>();

        @Override
        public void enqueue(Item item) {
            enqueued.add(item.id());
            priorities.add(item.priority());
        }
    }

    static final class Photos implements PhotoStore {
        final Map<ContentHash, byte[]> stored = new LinkedHashMap<>();

        @Override
        public void put(NormalizedPhoto photo) {
            stored.put(photo.photo().hash(), photo.bytes());
        }

        @Override
        public Optional<byte[]> get(ContentHash hash) {
            return Optional.ofNullable(stored.get(hash));
        }

        @Override
        public boolean contains(ContentHash hash) {
            return stored.containsKey(hash);
        }
    }
}
