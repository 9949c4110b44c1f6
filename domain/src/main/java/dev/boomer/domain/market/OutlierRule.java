package dev.boomer.domain.market;

import dev.boomer.domain.item.Condition;
import dev.boomer.domain.money.Money;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which comparables do not price the item: listings of something else (parts, broken ones, lots) unless
 * the item itself is for parts or its query says the same, and totals far from the rest (Tukey's fences: beyond 1.5 interquartile
 * ranges outside the quartiles, once there are enough comparables to have quartiles).
 */
public final class OutlierRule {

    public static final String RULE = "left out: titles offering parts, broken items or lots (unless the item is"
            + " for parts, or its own query says so); totals beyond 1.5 IQR outside the quartiles (from 4"
            + " comparables)";
    static final int FENCES_FROM = 4;
    private static final Pattern NOT_THE_SAME_THING = Pattern.compile(
            "\\b(for parts|parts only|not working|broken|spares or repair|lot of|job lot|bundle of)\\b",
            Pattern.CASE_INSENSITIVE);

    private OutlierRule() {
    }

    /**
     * The comparables that price the queried item, and how many the rule left out. Words the query itself
     * says ("lot of 3 books", "Broken Sword") do not leave a comparable out.
     */
    public static Screened screen(List<ComparableSale> found, MarketQuery query) {
        String asked = query.query().toLowerCase(Locale.ROOT);
        List<ComparableSale> alike = query.condition() == Condition.FOR_PARTS_OR_NOT_WORKING ? found
                : found.stream().filter(sale -> sameThing(sale, asked)).toList();
        List<ComparableSale> kept = alike.size() < FENCES_FROM ? alike : withinFences(alike);
        return new Screened(kept, new Screening(RULE, found.size(), kept.size()));
    }

    private static boolean sameThing(ComparableSale sale, String asked) {
        Matcher other = NOT_THE_SAME_THING.matcher(sale.title());
        while (other.find()) {
            if (!asked.contains(other.group().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private static List<ComparableSale> withinFences(List<ComparableSale> sales) {
        List<Money> totals = sales.stream().map(ComparableSale::total).sorted(Comparator.naturalOrder()).toList();
        BigDecimal q1 = MarketQuote.percentile(totals, 25).amount();
        BigDecimal q3 = MarketQuote.percentile(totals, 75).amount();
        BigDecimal reach = q3.subtract(q1).multiply(new BigDecimal("1.5"));
        BigDecimal lowest = q1.subtract(reach);
        BigDecimal highest = q3.add(reach);
        return sales.stream().filter(sale -> {
            BigDecimal total = sale.total().amount();
            return total.compareTo(lowest) >= 0 && total.compareTo(highest) <= 0;
        }).toList();
    }

    /** The comparables kept, and the screening that kept them. */
    public record Screened(List<ComparableSale> kept, Screening screening) {
        public Screened {
            kept = List.copyOf(kept);
        }
    }
}
