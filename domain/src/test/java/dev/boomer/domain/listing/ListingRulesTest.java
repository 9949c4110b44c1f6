package dev.boomer.domain.listing;

import dev.boomer.domain.item.Condition;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.market.PriceSource;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.taxonomy.Category;
import dev.boomer.domain.taxonomy.CategoryAspects;
import dev.boomer.domain.taxonomy.ConditionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ListingRulesTest {

    @Test
    void aCleanDraftBreaksNoRule() {
        assertThat(check(draft("Seiko SNK809 Automatic Watch 37 mm Canvas Band", "Keeps time.")))
                .isEmpty();
    }

    @Test
    void aWordTwiceInARowIsStutter() {
        assertThat(check(draft("Seiko SNK809 Automatic Automatic Watch", "Keeps time."))).extracting(ListingRules.Problem::reason)
                .containsExactly("title_stutter: the title says 'automatic' twice in a row");
    }

    @Test
    void theCategorysNounSaidAgainAfterTheModelNameIsStutter() {
        ListingDraft mug = draft("Le Creuset Stoneware Mug 350 ml Coffee Mugs", "A mug.",
                "Home & Garden > Kitchen, Dining & Bar > Dinnerware & Serveware > Mugs");

        assertThat(check(mug)).extracting(ListingRules.Problem::reason)
                .containsExactly("title_stutter: the title says 'mug' 2 times");
    }

    @ParameterizedTest
    @ValueSource(strings = {"The Lion, the Witch and the Wardrobe Paperback", "Lens Cap for Canon EF Lens 52 mm",
            "Nike Air Max 90 Air Sneakers", "Set of 2 Mugs", "Brenda Lee I'm Sorry 45 RPM Vinyl",
            "The Who I Can't Explain 7 inch Single"})
    void wordsARealTitleRepeatsOrSaysAreNotAProblem(String title) {
        assertThat(check(draft(title, "I cannot test the light meter, sold as shown."))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Nikon F3 Film Camera - Used", "Nikon F3 Film Camera Pre-Owned",
            "Nikon F3 in excellent condition", "L@@K Nikon F3 Film Camera", "Nikon F3 Film Camera (Very Good)"})
    void conditionWordsAndShoutingDoNotBelongInATitle(String title) {
        assertThat(check(draft(title, "Works."))).extracting(ListingRules.Problem::code)
                .containsExactly("title_boilerplate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"I'm sorry, I can't identify this item.", "As an AI, I cannot see the photo.",
            "I am unable to help with that."})
    void aRefusalIsNeverADescription(String refusal) {
        assertThat(check(draft("Nikon F3 Film Camera", refusal))).extracting(ListingRules.Problem::code)
                .contains("refusal_text");
    }

    @Test
    void anEmptyDescriptionIsMissing() {
        assertThat(check(draft("Nikon F3 Film Camera", " "))).extracting(ListingRules.Problem::code)
                .containsExactly("description_missing");
    }

    @Test
    void aConditionTheCategoryDoesNotOfferBreaksARule() {
        ListingDraft draft = draft("Nikon F3 Film Camera", "Works.");
        ListingForm form = new ListingForm(Optional.of(new Category("15230", draft.category())),
                CategoryAspects.none("15230"), new ConditionPolicy("15230", List.of(Condition.NEW, Condition.USED_EXCELLENT)));

        assertThat(ListingRules.check(draft, form)).extracting(ListingRules.Problem::reason).containsExactly(
                "condition_not_allowed: the category takes New (1000), Used (3000), not Good (5000)");
    }

    @Test
    void aConditionTheCategoryOffersBreaksNoRule() {
        ListingDraft draft = draft("Nikon F3 Film Camera", "Works.");
        ListingForm form = new ListingForm(Optional.of(new Category("15230", draft.category())),
                CategoryAspects.none("15230"), new ConditionPolicy("15230", List.of(Condition.USED_GOOD)));

        assertThat(ListingRules.check(draft, form)).isEmpty();
    }

    private static List<ListingRules.Problem> check(ListingDraft draft) {
        return ListingRules.check(draft, ListingForm.none());
    }

    static ListingDraft draft(String title, String description) {
        return draft(title, description, "Cameras & Photo > Film Photography > Film Cameras");
    }

    static ListingDraft draft(String title, String description, String category) {
        Money price = Money.usd("10");
        return new ListingDraft(new ItemId(UUID.randomUUID()), title, description, category, "15230",
                Condition.USED_GOOD,
                Map.of(), price, new PriceEvidence(PriceSource.SIMULATED, null, null, 1, price, price, price, List.of(),
                null, null), 0.9, Instant.EPOCH);
    }
}
