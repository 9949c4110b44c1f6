package dev.boomer.domain.photo;

import java.util.Objects;
import java.util.Optional;

/**
 * A photo as it arrived, not yet trusted.
 *
 * @param name         the file or part name, for error messages
 * @param declaredType the content type the sender claimed, if any; the bytes decide
 */
public record RawPhoto(String name, Optional<String> declaredType, byte[] bytes) {
    public RawPhoto {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(declaredType, "declaredType");
        Objects.requireNonNull(bytes, "bytes");
    }
}
