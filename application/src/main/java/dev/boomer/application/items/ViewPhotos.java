package dev.boomer.application.items;

import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.PhotoStore;
import dev.boomer.domain.user.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * Serves a stored photo to a viewer who may see an item holding it. Photos are stored once per content,
 * so without this check anyone could fetch another user's photo by its hash, or learn whether an image
 * was ever uploaded; a photo one may not see is answered exactly as one that does not exist.
 */
public final class ViewPhotos {

    private final ItemRepository items;
    private final PhotoStore photos;

    public ViewPhotos(ItemRepository items, PhotoStore photos) {
        this.items = Objects.requireNonNull(items, "items");
        this.photos = Objects.requireNonNull(photos, "photos");
    }

    /** The photo's bytes, or empty when there is none or the viewer may not see it. */
    public Optional<byte[]> photo(Viewer viewer, ContentHash hash) {
        Optional<UserId> owner = viewer.seesEveryone() ? Optional.empty()
                : Optional.of(viewer.user());
        return items.holdsPhoto(hash, owner) ? photos.get(hash) : Optional.empty();
    }

    /** For a link signed by Boomer itself (an export a marketplace reads): any photo an item holds. */
    public Optional<byte[]> linkedPhoto(ContentHash hash) {
        return items.holdsPhoto(hash, Optional.empty()) ? photos.get(hash) : Optional.empty();
    }
}
