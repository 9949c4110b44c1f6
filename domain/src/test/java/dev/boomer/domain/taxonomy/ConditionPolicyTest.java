package dev.boomer.domain.taxonomy;

import dev.boomer.domain.item.Condition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionPolicyTest {

    private static final ConditionPolicy FILM_CAMERAS = new ConditionPolicy("15230", List.of(Condition.NEW,
            Condition.NEW_OTHER, Condition.USED_EXCELLENT, Condition.FOR_PARTS_OR_NOT_WORKING));
    private static final ConditionPolicy BOOKS = new ConditionPolicy("261186", List.of(Condition.NEW,
            Condition.LIKE_NEW, Condition.USED_VERY_GOOD, Condition.USED_GOOD, Condition.USED_ACCEPTABLE));

    @Test
    void aConditionTheCategoryOffersIsListedAsItself() {
        assertThat(FILM_CAMERAS.listedAs(Condition.USED_EXCELLENT)).contains(Condition.USED_EXCELLENT);
        assertThat(BOOKS.listedAs(Condition.USED_GOOD)).contains(Condition.USED_GOOD);
    }

    @Test
    void aGradedUsedConditionIsPlainUsedWhereTheCategoryDoesNotGrade() {
        assertThat(FILM_CAMERAS.listedAs(Condition.USED_GOOD)).contains(Condition.USED_EXCELLENT);
        assertThat(FILM_CAMERAS.listedAs(Condition.USED_ACCEPTABLE)).contains(Condition.USED_EXCELLENT);
        assertThat(FILM_CAMERAS.listedAs(Condition.LIKE_NEW)).contains(Condition.USED_EXCELLENT);
    }

    @Test
    void plainUsedIsVeryGoodWhereTheCategoryGradesIt() {
        assertThat(BOOKS.listedAs(Condition.USED_EXCELLENT)).contains(Condition.USED_VERY_GOOD);
        assertThat(BOOKS.listedAs(Condition.NEW_OTHER)).contains(Condition.LIKE_NEW);
    }

    @Test
    void aSubstituteNeverClaimsABetterState() {
        assertThat(FILM_CAMERAS.listedAs(Condition.NEW_WITH_DEFECTS)).isEmpty();
        assertThat(BOOKS.listedAs(Condition.FOR_PARTS_OR_NOT_WORKING)).isEmpty();
        assertThat(BOOKS.listedAs(Condition.SELLER_REFURBISHED)).isEmpty();
    }

    @Test
    void anUnknownPolicyTakesAnyCondition() {
        ConditionPolicy unknown = ConditionPolicy.unknown("15230");

        assertThat(unknown.known()).isFalse();
        assertThat(unknown.listedAs(Condition.NEW_WITH_DEFECTS)).contains(Condition.NEW_WITH_DEFECTS);
    }

    @Test
    void eBayConditionIdsAreReadBack() {
        assertThat(Condition.ofEbayId("3000")).contains(Condition.USED_EXCELLENT);
        assertThat(Condition.ofEbayId("2990")).as("a condition Boomer does not know").isEmpty();
    }
}
