package dev.boomer.domain.photo;

import java.util.Optional;

/** Content-addressed photo bytes. Storing the same bytes twice keeps one copy. */
public interface PhotoStore {

    void put(NormalizedPhoto photo);

    Optional<byte[]> get(ContentHash hash);

    boolean contains(ContentHash hash);
}
