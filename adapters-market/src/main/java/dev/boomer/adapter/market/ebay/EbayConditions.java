package dev.boomer.adapter.market.ebay;

import dev.boomer.domain.item.Condition;

import java.util.List;

/** Which eBay condition ids price an item in a condition. */
final class EbayConditions {

    /**
     * Conditions that price one another, because categories offer different ones for the same state: most
     * have one used condition (3000, "Used") where books and media grade it (4000 Very Good, 5000 Good, 6000
     * Acceptable); "Like New" (2750) exists mostly in media, elsewhere such items are "New other" (1500);
     * refurbished grades exist only where eBay runs its refurbished programme.
     */
    private static final List<Condition> USED = List.of(Condition.USED_EXCELLENT, Condition.USED_VERY_GOOD,
            Condition.USED_GOOD, Condition.USED_ACCEPTABLE);
    private static final List<Condition> REFURBISHED = List.of(Condition.CERTIFIED_REFURBISHED,
            Condition.EXCELLENT_REFURBISHED, Condition.VERY_GOOD_REFURBISHED, Condition.GOOD_REFURBISHED,
            Condition.SELLER_REFURBISHED);

    private EbayConditions() {
    }

    /** The eBay condition ids whose listings price an item in this condition. */
    static List<Integer> matching(Condition condition) {
        List<Condition> alike = switch (condition) {
            case USED_EXCELLENT, USED_VERY_GOOD, USED_GOOD, USED_ACCEPTABLE -> USED;
            case CERTIFIED_REFURBISHED, EXCELLENT_REFURBISHED, VERY_GOOD_REFURBISHED, GOOD_REFURBISHED,
                 SELLER_REFURBISHED -> REFURBISHED;
            case LIKE_NEW -> List.of(Condition.LIKE_NEW, Condition.NEW_OTHER);
            case NEW_OTHER -> List.of(Condition.NEW_OTHER, Condition.NEW_WITH_DEFECTS);
            case NEW_WITH_DEFECTS -> List.of(Condition.NEW_WITH_DEFECTS, Condition.NEW_OTHER);
            case NEW, FOR_PARTS_OR_NOT_WORKING -> List.of(condition);
        };
        return alike.stream().map(Condition::ebayId).toList();
    }
}
