package dev.boomer.application.processing;

import dev.boomer.domain.cache.Cache;
import dev.boomer.domain.cache.CacheKey;
import dev.boomer.domain.cache.CacheTags;
import dev.boomer.domain.listing.ListingComposer;
import dev.boomer.domain.listing.ListingForm;
import dev.boomer.domain.listing.ListingRules;
import dev.boomer.domain.provider.ProviderRejected;
import dev.boomer.domain.taxonomy.Category;
import dev.boomer.domain.taxonomy.CategoryAspects;
import dev.boomer.domain.taxonomy.ConditionPolicy;
import dev.boomer.domain.taxonomy.Taxonomy;
import dev.boomer.domain.vision.VisionAnalysis;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The category stage: the marketplace's leaf category for the item's title, and that category's aspects
 * and conditions, all cached for days (a category tree changes a few times a year). A taxonomy that
 * refuses us leaves the draft without a category, which sends it to review; one that is down makes the
 * item wait like any outage.
 */
final class ChooseCategory {

    static final String CACHE_NAMESPACE = "taxonomy";
    private static final String CACHE_VERSION = "v1";

    private final Taxonomy taxonomy;
    private final Cache cache;

    ChooseCategory(Taxonomy taxonomy, Cache cache) {
        this.taxonomy = taxonomy;
        this.cache = cache;
    }

    /** The chosen leaf with its aspects and conditions, or why there is none. */
    record Choice(ListingForm form, Optional<String> whyNone) {
        static Choice none(String why) {
            return new Choice(ListingForm.none(), Optional.of(why));
        }

        /** A broken rule as the item's reason; a missing category says why there is none. */
        String reasonFor(ListingRules.Problem problem) {
            return problem.code().equals(ListingRules.CATEGORY_MISSING) && whyNone.isPresent()
                    ? ListingRules.CATEGORY_MISSING + ": " + whyNone.get() : problem.reason();
        }
    }

    Choice choose(VisionAnalysis analysis) {
        String words = ListingComposer.title(analysis);
        try {
            Category category = cache.getOrLoad(CacheKey.of(CACHE_NAMESPACE, taxonomy.name(), "suggest",
                    normalized(words), CACHE_VERSION), Category.class, () -> taxonomy.suggest(words).orElse(null),
                    found -> Set.of(CacheTags.category(found.id())));
            if (category == null) {
                return Choice.none("the category tree has no category for '" + words + "'");
            }
            CategoryAspects aspects = ofCategory("aspects", category, CategoryAspects.class,
                    () -> taxonomy.aspects(category.id()));
            ConditionPolicy conditions = ofCategory("conditions", category, ConditionPolicy.class,
                    () -> taxonomy.conditions(category.id()));
            return new Choice(new ListingForm(Optional.of(category), aspects, conditions), Optional.empty());
        } catch (ProviderRejected refused) {
            return Choice.none(refused.getMessage());
        }
    }

    /** What the tree says of one category ({@code aspects}, {@code conditions}), cached and tagged with it. */
    private <T> T ofCategory(String what, Category category, Class<T> type, Supplier<T> load) {
        return cache.getOrLoad(CacheKey.of(CACHE_NAMESPACE, taxonomy.name(), what, category.id(), CACHE_VERSION), type,
                load, found -> Set.of(CacheTags.category(category.id())));
    }

    private static String normalized(String words) {
        return words.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "");
    }
}
