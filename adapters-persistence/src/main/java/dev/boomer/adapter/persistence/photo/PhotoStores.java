package dev.boomer.adapter.persistence.photo;

/**
 * {@code boomer.photos.store} ({@code BOOMER_PHOTOS_STORE}) chooses where photos live: {@code filesystem}
 * (the default, one instance or a shared disk) or {@code postgres} (several instances, no shared disk).
 */
final class PhotoStores {

    static final String PROPERTY = "boomer.photos.store";

    private PhotoStores() {
    }
}
