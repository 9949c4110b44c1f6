package dev.boomer.domain.taxonomy;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The aspects of one category. */
public record CategoryAspects(String categoryId, List<Aspect> aspects) {

    public CategoryAspects {
        Objects.requireNonNull(categoryId, "categoryId");
        aspects = aspects == null ? List.of() : List.copyOf(aspects);
    }

    public static CategoryAspects none(String categoryId) {
        return new CategoryAspects(categoryId, List.of());
    }

    public List<Aspect> required() {
        return aspects.stream().filter(Aspect::required).toList();
    }

    /** The aspect of that name, whatever its case. */
    public Optional<Aspect> named(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return aspects.stream().filter(a -> a.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
