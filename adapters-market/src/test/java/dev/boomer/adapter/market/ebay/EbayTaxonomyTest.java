package dev.boomer.adapter.market.ebay;

import dev.boomer.domain.contract.TaxonomyContract;
import dev.boomer.domain.item.Condition;
import dev.boomer.domain.provider.ProviderRejected;
import dev.boomer.domain.taxonomy.Aspect;
import dev.boomer.domain.taxonomy.Category;
import dev.boomer.domain.taxonomy.CategoryAspects;
import dev.boomer.domain.taxonomy.ConditionPolicy;
import dev.boomer.domain.taxonomy.Taxonomy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** eBay's Taxonomy API against a stub that speaks its wire format, and the category tree contract. */
class EbayTaxonomyTest extends TaxonomyContract {

    private final EbayStub ebay = new EbayStub();
    private final EbayTaxonomy taxonomy = new EbayTaxonomy(new EbayClient(EbayMarketDataTest.config(ebay),
            Clock.systemUTC()));

    @AfterEach
    void stop() {
        ebay.close();
    }

    @Override
    protected Taxonomy taxonomy() {
        return taxonomy;
    }

    @Override
    protected String wordsWithACategory() {
        return "Canon AE-1 Program 35mm Film Camera";
    }

    @Test
    void theBestSuggestionIsTakenWithItsAncestorsRootFirst() {
        Category category = taxonomy.suggest("Canon AE-1 Program 35mm Film Camera").orElseThrow();

        assertThat(category).isEqualTo(new Category("15230", "Cameras & Photo > Film Photography > Film Cameras"));
        EbayStub.Seen asked = ebay.taxonomyCalls().getLast();
        assertThat(asked.path()).isEqualTo("/commerce/taxonomy/v1/category_tree/0/get_category_suggestions");
        assertThat(asked.query()).containsEntry("q", "Canon AE-1 Program 35mm Film Camera");
        assertThat(asked.header("X-EBAY-C-MARKETPLACE-ID")).isEqualTo("EBAY_US");
    }

    @Test
    void theTreeIdIsAskedOnceForTheMarketplace() {
        taxonomy.suggest("Canon AE-1");
        taxonomy.suggest("Nikon F3");
        taxonomy.aspects("15230");

        List<EbayStub.Seen> treeIds = ebay.taxonomyCalls().stream()
                .filter(call -> call.path().equals(EbayTaxonomy.TREE_ID_PATH)).toList();
        assertThat(treeIds).hasSize(1);
        assertThat(treeIds.getFirst().query()).containsEntry("marketplace_id", "EBAY_US");
    }

    @Test
    void wordsTheTreeHasNoCategoryForHaveNoSuggestion() {
        assertThat(taxonomy.suggest("unobtainium ingot")).isEmpty();
    }

    @Test
    void aspectsSayWhichAreRequiredAndWhichTakeOnlyListedValues() {
        CategoryAspects aspects = taxonomy.aspects("15230");

        assertThat(aspects.required()).extracting(Aspect::name).containsExactly("Brand", "Type");
        assertThat(aspects.named("type").orElseThrow().allowedValues())
                .containsExactly("SLR", "Rangefinder", "Point & Shoot", "TLR");
        assertThat(aspects.named("Brand").orElseThrow().closed()).as("suggested values of a free-text aspect")
                .isFalse();
        assertThat(aspects.named("Film Format").orElseThrow().required()).isFalse();
    }

    @Test
    void anUnknownCategoryIsARefusalInEbaysWords() {
        assertThatThrownBy(() -> taxonomy.aspects("999999999"))
                .isInstanceOf(ProviderRejected.class).hasMessageContaining("does not belong");
    }

    @Test
    void theCategorysConditionsLeaveOutThoseOnlyEligibleSellersMayUse() {
        ConditionPolicy conditions = taxonomy.conditions("15230");

        assertThat(conditions.allowed()).containsExactly(Condition.NEW, Condition.NEW_OTHER,
                Condition.SELLER_REFURBISHED, Condition.USED_EXCELLENT, Condition.FOR_PARTS_OR_NOT_WORKING);
        EbayStub.Seen asked = ebay.conditionPolicyCalls().getLast();
        assertThat(asked.path()).isEqualTo("/sell/metadata/v1/marketplace/EBAY_US/get_item_condition_policies");
        assertThat(asked.query()).containsEntry("filter", "categoryIds:{15230}");
    }

    @Test
    void aCategoryWithoutAConditionPolicyTakesAnyCondition() {
        assertThat(taxonomy.conditions("11116").known()).isFalse();
    }

    @Test
    void theTreeIsNamedForItsMarketplace() {
        assertThat(taxonomy.name()).isEqualTo("ebay-ebay_us");
    }
}
