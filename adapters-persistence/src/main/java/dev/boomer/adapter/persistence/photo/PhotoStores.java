package dev.boomer.adapter.persistence.photo;

import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.NormalizedPhoto;

/**
 * {@code boomer.photos.store} ({@code BOOMER_PHOTOS_STORE}) chooses where photos live: {@code filesystem}
 * (the default, one instance or a shared disk) or {@code postgres} (several instances, no shared disk).
 */
final class PhotoStores {

    static final String PROPERTY = "boomer.photos.store";

    private PhotoStores() {
    }

    /** Every store refuses bytes stored under another hash: it would break content addressing for every reader. */
    static ContentHash checkedHash(NormalizedPhoto photo) {
        ContentHash hash = photo.photo().hash();
        if (!ContentHash.of(photo.bytes()).equals(hash)) {
            throw new IllegalArgumentException("photo bytes do not match their hash " + hash);
        }
        return hash;
    }
}
