package dev.boomer.domain.vision;

import java.util.Objects;

/** A photo that cannot be used as it is, numbered as the user uploaded it (1-based). */
public record PhotoProblem(int photoNumber, Kind kind) {

    public enum Kind {
        BLURRY("blurry"),
        DARK("too dark");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public PhotoProblem {
        Objects.requireNonNull(kind, "kind");
        if (photoNumber < 1) {
            throw new IllegalArgumentException("photo numbers start at 1, not " + photoNumber);
        }
    }
}
