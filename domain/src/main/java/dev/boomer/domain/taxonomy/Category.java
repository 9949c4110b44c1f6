package dev.boomer.domain.taxonomy;

import java.util.Objects;

/** A leaf category: its id, and its path from the root in names ("Cameras & Photo > ... > Film Cameras"). */
public record Category(String id, String path) {

    public static final String PATH_SEPARATOR = " > ";

    public Category {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        if (id.isBlank() || path.isBlank()) {
            throw new IllegalArgumentException("a category needs an id and a path");
        }
    }

    /** The leaf's own name: the last part of the path. */
    public String name() {
        int last = path.lastIndexOf(PATH_SEPARATOR);
        return last < 0 ? path : path.substring(last + PATH_SEPARATOR.length());
    }
}
