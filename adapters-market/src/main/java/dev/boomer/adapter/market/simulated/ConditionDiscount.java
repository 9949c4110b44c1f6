package dev.boomer.adapter.market.simulated;

import dev.boomer.domain.item.Condition;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/** Share of the new price an item fetches in each condition, roughly what sold listings show. */
final class ConditionDiscount {

    private static final Map<Condition, BigDecimal> FACTORS = new EnumMap<>(Condition.class);

    static {
        put(Condition.NEW, "1.00");
        put(Condition.NEW_OTHER, "0.90");
        put(Condition.NEW_WITH_DEFECTS, "0.80");
        put(Condition.CERTIFIED_REFURBISHED, "0.85");
        put(Condition.EXCELLENT_REFURBISHED, "0.80");
        put(Condition.VERY_GOOD_REFURBISHED, "0.75");
        put(Condition.GOOD_REFURBISHED, "0.70");
        put(Condition.SELLER_REFURBISHED, "0.70");
        put(Condition.LIKE_NEW, "0.85");
        put(Condition.USED_EXCELLENT, "0.75");
        put(Condition.USED_VERY_GOOD, "0.70");
        put(Condition.USED_GOOD, "0.65");
        put(Condition.USED_ACCEPTABLE, "0.60");
        put(Condition.FOR_PARTS_OR_NOT_WORKING, "0.30");
        if (FACTORS.size() != Condition.values().length) {
            throw new IllegalStateException("every condition needs a price factor");
        }
    }

    private ConditionDiscount() {
    }

    static BigDecimal factor(Condition condition) {
        return FACTORS.get(condition);
    }

    private static void put(Condition condition, String factor) {
        FACTORS.put(condition, new BigDecimal(factor));
    }
}
