package dev.boomer.domain.listing;

import dev.boomer.domain.taxonomy.Category;
import dev.boomer.domain.taxonomy.CategoryAspects;
import dev.boomer.domain.taxonomy.ConditionPolicy;

import java.util.Objects;
import java.util.Optional;

/**
 * What the marketplace asks of a listing of the item: its leaf category, the category's aspects and the
 * conditions it offers. Without a category, the draft keeps the model's own category guess and goes to review.
 */
public record ListingForm(Optional<Category> category, CategoryAspects aspects, ConditionPolicy conditions) {

    public ListingForm {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(aspects, "aspects");
        Objects.requireNonNull(conditions, "conditions");
    }

    /** No category was found: nothing is asked beyond the draft's own rules. */
    public static ListingForm none() {
        return new ListingForm(Optional.empty(), CategoryAspects.none(""), ConditionPolicy.unknown(""));
    }

    /** A category whose aspects and conditions are not known (tests, a tree without them). */
    public static ListingForm of(Category category) {
        return new ListingForm(Optional.of(category), CategoryAspects.none(category.id()),
                ConditionPolicy.unknown(category.id()));
    }
}
