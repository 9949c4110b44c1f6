package dev.boomer.adapter.market.ebay;

import dev.boomer.domain.item.Condition;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Which eBay condition ids price an item in a condition, and the condition a listing's id stands for. */
final class EbayConditions {

    /**
     * Most categories have one used condition (3000, "Used"); books, media and some others grade it instead
     * (4000 Very Good, 5000 Good, 6000 Acceptable). A used item is priced by all of them, since which one a
     * category uses says nothing about the item.
     */
    private static final List<Condition> USED = List.of(Condition.USED_EXCELLENT, Condition.USED_VERY_GOOD,
            Condition.USED_GOOD, Condition.USED_ACCEPTABLE);

    private EbayConditions() {
    }

    static List<Integer> matching(Condition condition) {
        List<Condition> alike = USED.contains(condition) ? USED : List.of(condition);
        return alike.stream().map(Condition::ebayId).toList();
    }

    static Optional<Condition> of(String conditionId) {
        return Arrays.stream(Condition.values()).filter(c -> String.valueOf(c.ebayId()).equals(conditionId)).findFirst();
    }
}
