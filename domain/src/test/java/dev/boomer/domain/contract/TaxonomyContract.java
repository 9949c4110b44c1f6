package dev.boomer.domain.contract;

import dev.boomer.domain.taxonomy.Category;
import dev.boomer.domain.taxonomy.CategoryAspects;
import dev.boomer.domain.taxonomy.ConditionPolicy;
import dev.boomer.domain.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every category tree promises: run against each adapter and the test fake. */
public abstract class TaxonomyContract {

    protected abstract Taxonomy taxonomy();

    /** Words the tree has a category for. */
    protected abstract String wordsWithACategory();

    @Test
    void aSuggestionIsALeafWithItsPathFromTheRoot() {
        Category category = taxonomy().suggest(wordsWithACategory()).orElseThrow();

        assertThat(category.id()).matches("\\d+");
        assertThat(category.path()).contains(Category.PATH_SEPARATOR).endsWith(category.name());
    }

    @Test
    void theSuggestedCategoryHasAspectsAndSaysWhichAreRequired() {
        Category category = taxonomy().suggest(wordsWithACategory()).orElseThrow();

        CategoryAspects aspects = taxonomy().aspects(category.id());

        assertThat(aspects.categoryId()).isEqualTo(category.id());
        assertThat(aspects.aspects()).isNotEmpty().allSatisfy(aspect -> assertThat(aspect.name()).isNotBlank());
        assertThat(aspects.required()).isNotEmpty();
    }

    @Test
    void theSuggestedCategorySaysWhichConditionsItOffers() {
        Category category = taxonomy().suggest(wordsWithACategory()).orElseThrow();

        ConditionPolicy conditions = taxonomy().conditions(category.id());

        assertThat(conditions.categoryId()).isEqualTo(category.id());
        assertThat(conditions.known()).isTrue();
        assertThat(conditions.allowed()).doesNotHaveDuplicates();
    }

    @Test
    void theTreeHasAName() {
        assertThat(taxonomy().name()).isNotBlank();
    }
}
