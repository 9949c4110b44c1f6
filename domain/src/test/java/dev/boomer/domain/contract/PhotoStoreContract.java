package dev.boomer.domain.contract;

import static dev.boomer.domain.contract.Samples.photo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.NormalizedPhoto;
import dev.boomer.domain.photo.PhotoStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PhotoStore} does. Each test starts from an empty store. */
public abstract class PhotoStoreContract {

    private PhotoStore photos;

    protected abstract PhotoStore createStore();

    @BeforeEach
    void createPhotos() {
        photos = createStore();
    }

    @Test
    void aStoredPhotoIsReadBackByItsHash() {
        NormalizedPhoto front = photo("front");

        photos.put(front);

        assertThat(photos.contains(front.photo().hash())).isTrue();
        assertThat(photos.get(front.photo().hash())).hasValueSatisfying(
                bytes -> assertThat(bytes).isEqualTo(front.bytes()));
    }

    @Test
    void storingTheSameBytesTwiceKeepsThemReadable() {
        NormalizedPhoto front = photo("front");

        photos.put(front);
        photos.put(photo("front"));

        assertThat(photos.get(front.photo().hash())).hasValueSatisfying(
                bytes -> assertThat(bytes).isEqualTo(front.bytes()));
    }

    @Test
    void photosAreKeptApart() {
        NormalizedPhoto front = photo("front");
        NormalizedPhoto back = photo("back");

        photos.put(front);
        photos.put(back);

        assertThat(photos.get(back.photo().hash())).hasValueSatisfying(
                bytes -> assertThat(bytes).isEqualTo(back.bytes()));
    }

    @Test
    void anUnknownHashIsNeitherContainedNorFound() {
        ContentHash unknown = ContentHash.of(new byte[] {1, 2, 3});

        assertThat(photos.contains(unknown)).isFalse();
        assertThat(photos.get(unknown)).isEmpty();
    }
}
