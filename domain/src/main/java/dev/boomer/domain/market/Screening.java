package dev.boomer.domain.market;

import java.util.Objects;

/**
 * What was left out of a quote's comparables and by which rule: {@code found} comparables came back,
 * {@code kept} of them priced the item.
 */
public record Screening(String rule, int found, int kept) {

    public static final String NONE = "none";

    public Screening {
        Objects.requireNonNull(rule, "rule");
        if (found < 0 || kept < 0 || kept > found) {
            throw new IllegalArgumentException("kept (" + kept + ") must be within 0..found (" + found + ")");
        }
    }

    /** Every comparable kept, none screened. */
    public static Screening none(int found) {
        return new Screening(NONE, found, found);
    }

    public int removed() {
        return found - kept;
    }
}
