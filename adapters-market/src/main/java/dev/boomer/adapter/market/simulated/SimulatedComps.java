package dev.boomer.adapter.market.simulated;

import dev.boomer.domain.market.ComparableSale;
import dev.boomer.domain.market.MarketQuery;
import dev.boomer.domain.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Comparable sales invented from the query alone: the same query and seed always give the same sales.
 * The random draws depend on the item (GTIN or query text), never on the condition, so one item in
 * two conditions gets the same sales scaled by {@link ConditionDiscount}: a worse condition is never
 * priced higher.
 */
final class SimulatedComps {

    static final int MIN_COMPS = 6;
    static final int MAX_COMPS = 20;
    static final int MAX_TITLE = 80;

    private static final BigDecimal WINDOW_BELOW = new BigDecimal("0.80");
    private static final BigDecimal WINDOW_ABOVE = new BigDecimal("1.20");
    private static final List<BigDecimal> ENDINGS = List.of(
            new BigDecimal("0.99"), new BigDecimal("0.95"), new BigDecimal("0.00"), new BigDecimal("0.50"));
    private static final List<String> TITLES = List.of(
            "%s", "%s - Tested & Working", "Genuine %s", "%s, Great Shape", "%s (Original Box)", "Vintage %s",
            "%s - Fast Shipping", "Lot of 1 %s");

    private SimulatedComps() {
    }

    static List<ComparableSale> generate(MarketQuery query, long seed) {
        SplittableRandom random = new SplittableRandom(seedFor(itemKey(query), seed));
        PriceBand band = PriceBand.forQuery(query.query());
        BigDecimal factor = ConditionDiscount.factor(query.condition());

        // A base price inside the category's band, and sales within 20 % of it, never leaving the band.
        BigDecimal base = between(band.low(), band.high(), random);
        BigDecimal low = band.low().max(base.multiply(WINDOW_BELOW));
        BigDecimal high = band.high().min(base.multiply(WINDOW_ABOVE));
        BigDecimal floor = band.low().multiply(factor);
        String what = query.query().strip().replaceAll("\\s+", " ");

        int count = random.nextInt(MIN_COMPS, MAX_COMPS + 1);
        List<ComparableSale> comps = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            BigDecimal value = between(low, high, random).multiply(factor);
            BigDecimal price = charm(value, floor, ENDINGS.get(random.nextInt(ENDINGS.size())));
            String title = title(TITLES.get(random.nextInt(TITLES.size())), what);
            // The condition changes the listing, not the draw: one sale cannot be new and used at once.
            long listingId = 100_000_000_000L + Math.floorMod(
                    random.nextLong() + query.condition().ebayId() * 0x9E3779B97F4A7C15L, 900_000_000_000L);
            comps.add(new ComparableSale(title, new Money(price, query.currency()), query.condition(),
                    link(what, query.condition().ebayId(), listingId)));
        }
        return comps;
    }

    /**
     * A made-up listing has no page of its own: its link is a real eBay search for the same words and
     * condition, marked with the simulated listing's number, so that a click shows what eBay really has.
     */
    static String link(String words, int conditionId, long listingId) {
        return "https://www.ebay.com/sch/i.html?_nkw=" + java.net.URLEncoder.encode(words,
                java.nio.charset.StandardCharsets.UTF_8) + "&LH_ItemCondition=" + conditionId + "&simulated=" + listingId;
    }

    /** The query's identity without condition and currency: what the item is. */
    static String itemKey(MarketQuery query) {
        String identity = query.identity();
        int currency = identity.lastIndexOf(':');
        return identity.substring(0, identity.lastIndexOf(':', currency - 1));
    }

    private static BigDecimal between(BigDecimal low, BigDecimal high, SplittableRandom random) {
        return low.add(high.subtract(low).multiply(BigDecimal.valueOf(random.nextDouble())));
    }

    /** Sellers' prices end in .99, .95, .00 or .50; never below the value, never under the floor. */
    static BigDecimal charm(BigDecimal value, BigDecimal floor, BigDecimal ending) {
        BigDecimal candidate = value.setScale(0, RoundingMode.FLOOR).add(ending);
        if (candidate.compareTo(value) > 0) {
            candidate = candidate.subtract(BigDecimal.ONE);
        }
        return candidate.compareTo(floor) >= 0 ? candidate : value.setScale(2, RoundingMode.HALF_UP);
    }

    private static String title(String pattern, String what) {
        String title = pattern.formatted(what);
        return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE).strip();
    }

    private static long seedFor(String key, long seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((seed + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
