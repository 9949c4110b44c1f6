package dev.boomer.domain.item;

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
}
