package dev.boomer.domain.taxonomy;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One item aspect of a category ("Brand", "US Shoe Size"): whether a listing must fill it, and, for an
 * aspect that takes only listed values (eBay's SELECTION_ONLY), those values.
 */
public record Aspect(String name, boolean required, List<String> allowedValues) {

    public Aspect {
        Objects.requireNonNull(name, "name");
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
    }

    public static Aspect freeText(String name, boolean required) {
        return new Aspect(name, required, List.of());
    }

    /** Whether only the listed values are accepted. */
    public boolean closed() {
        return !allowedValues.isEmpty();
    }

    /** The allowed value this one stands for, in the list's spelling (case does not matter); empty if none. */
    public Optional<String> allowedSpelling(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return allowedValues.stream().filter(v -> v.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
