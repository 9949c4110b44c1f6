package dev.boomer.domain.item;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** eBay's item conditions (Inventory API ConditionEnum) with their numeric condition ids. */
public enum Condition {
    NEW(1000, "New"),
    NEW_OTHER(1500, "New other (see details)"),
    NEW_WITH_DEFECTS(1750, "New with defects"),
    CERTIFIED_REFURBISHED(2000, "Certified - Refurbished"),
    EXCELLENT_REFURBISHED(2010, "Excellent - Refurbished"),
    VERY_GOOD_REFURBISHED(2020, "Very Good - Refurbished"),
    GOOD_REFURBISHED(2030, "Good - Refurbished"),
    SELLER_REFURBISHED(2500, "Seller refurbished"),
    LIKE_NEW(2750, "Like New"),
    USED_EXCELLENT(3000, "Used"),
    USED_VERY_GOOD(4000, "Very Good"),
    USED_GOOD(5000, "Good"),
    USED_ACCEPTABLE(6000, "Acceptable"),
    FOR_PARTS_OR_NOT_WORKING(7000, "For parts or not working");

    private final int ebayId;
    private final String label;

    Condition(int ebayId, String label) {
        this.ebayId = ebayId;
        this.label = label;
    }

    public int ebayId() {
        return ebayId;
    }

    public String label() {
        return label;
    }

    /**
     * The conditions a listing may say instead, best first, in a category that does not offer this one:
     * most categories have one used condition (3000, "Used") where books and media grade it (4000 Very Good,
     * 5000 Good, 6000 Acceptable), and "Like New" exists mostly in media. A substitute never claims a better
     * state than the item is in; new, damaged, refurbished-by-programme and for-parts items have none.
     */
    public List<Condition> substitutes() {
        return switch (this) {
            case LIKE_NEW -> List.of(USED_EXCELLENT, USED_VERY_GOOD);
            case USED_EXCELLENT -> List.of(USED_VERY_GOOD);
            case USED_VERY_GOOD, USED_GOOD, USED_ACCEPTABLE -> List.of(USED_EXCELLENT);
            case NEW_OTHER -> List.of(LIKE_NEW);
            case CERTIFIED_REFURBISHED, EXCELLENT_REFURBISHED, VERY_GOOD_REFURBISHED, GOOD_REFURBISHED ->
                    List.of(SELLER_REFURBISHED);
            case NEW, NEW_WITH_DEFECTS, SELLER_REFURBISHED, FOR_PARTS_OR_NOT_WORKING -> List.of();
        };
    }

    /** The condition of an eBay condition id ("3000"), if Boomer knows it. */
    public static Optional<Condition> ofEbayId(String conditionId) {
        return Arrays.stream(values()).filter(c -> String.valueOf(c.ebayId).equals(conditionId.strip())).findFirst();
    }
}
