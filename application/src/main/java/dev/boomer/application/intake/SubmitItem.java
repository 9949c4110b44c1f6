package dev.boomer.application.intake;

import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemRepository;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one intake use case behind every door: validates and normalizes every photo first, so that a
 * refused submission stores nothing, then stores the photos, records the item and queues it.
 */
public final class SubmitItem {

    private final PhotoNormalizer normalizer;
    private final PhotoStore photos;
    private final ItemRepository items;
    private final WorkQueue queue;
    private final Clock clock;

    public SubmitItem(PhotoNormalizer normalizer, PhotoStore photos, ItemRepository items, WorkQueue queue,
                      Clock clock) {
        this.normalizer = normalizer;
        this.photos = photos;
        this.items = items;
        this.queue = queue;
        this.clock = clock;
    }

    public SubmitResult submit(SubmitItemCommand command) {
        int count = command.photos().size();
        if (count == 0) {
            return reject(PhotoRejection.Reason.NO_PHOTOS, "", "an item needs at least one photo");
        }
        if (count > Item.MAX_PHOTOS) {
            return reject(PhotoRejection.Reason.TOO_MANY_PHOTOS, "",
                    "an item takes at most " + Item.MAX_PHOTOS + " photos, got " + count);
        }
        List<NormalizedPhoto> accepted = new ArrayList<>(count);
        for (RawPhoto raw : command.photos()) {
            switch (normalizer.normalize(raw)) {
                case PhotoCheck.Accepted(NormalizedPhoto photo) -> accepted.add(photo);
                case PhotoCheck.Rejected(PhotoRejection rejection) -> {
                    return new SubmitResult.Rejected(rejection);
                }
            }
        }
        // The same picture sent twice is one photo of the item.
        Map<ContentHash, NormalizedPhoto> distinct = new LinkedHashMap<>();
        accepted.forEach(photo -> distinct.putIfAbsent(photo.photo().hash(), photo));
        distinct.values().forEach(photos::put);
        List<Photo> itemPhotos = distinct.values().stream().map(NormalizedPhoto::photo).toList();

        Item item = Item.received(ItemId.random(), command.owner(), command.priority(), command.sku(), itemPhotos,
                clock.instant());
        items.insert(item);
        queue.enqueue(item);
        return new SubmitResult.Accepted(item);
    }

    private static SubmitResult reject(PhotoRejection.Reason reason, String photo, String message) {
        return new SubmitResult.Rejected(new PhotoRejection(reason, photo, message));
    }
}
