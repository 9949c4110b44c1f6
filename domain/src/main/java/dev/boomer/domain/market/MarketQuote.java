package dev.boomer.domain.market;

import dev.boomer.domain.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A price for an item, with its evidence: the comparables, their median and spread (25th to 75th
 * percentile) and where they came from.
 */
public record MarketQuote(
        PriceSource source, List<ComparableSale> comps, Money median, Money low, Money high, int sampleSize,
        Instant quotedAt) {

    public MarketQuote {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(median, "median");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(quotedAt, "quotedAt");
        comps = List.copyOf(comps);
        if (!median.isPositive()) {
            throw new IllegalArgumentException("median must be positive, not " + median);
        }
        if (low.compareTo(median) > 0 || high.compareTo(median) < 0) {
            throw new IllegalArgumentException("spread " + low + ".." + high + " must contain the median " + median);
        }
        if (sampleSize < 0) {
            throw new IllegalArgumentException("sampleSize must be >= 0, not " + sampleSize);
        }
    }

    /** Median and interquartile spread of the comparables' prices (all in one currency). */
    public static MarketQuote fromComps(PriceSource source, List<ComparableSale> comps, Instant quotedAt) {
        if (comps.isEmpty()) {
            throw new IllegalArgumentException("a quote from comparables needs at least one");
        }
        List<Money> prices = comps.stream().map(ComparableSale::price).sorted(Comparator.naturalOrder()).toList();
        return new MarketQuote(source, comps, percentile(prices, 50), percentile(prices, 25),
                percentile(prices, 75), comps.size(), quotedAt);
    }

    /** Linear interpolation between closest ranks, kept to the cent. */
    static Money percentile(List<Money> sorted, int p) {
        double rank = (sorted.size() - 1) * p / 100.0;
        int lower = (int) Math.floor(rank);
        int upper = (int) Math.ceil(rank);
        BigDecimal fraction = BigDecimal.valueOf(rank - lower);
        BigDecimal a = sorted.get(lower).amount();
        BigDecimal b = sorted.get(upper).amount();
        BigDecimal value = a.add(b.subtract(a).multiply(fraction));
        return new Money(value.setScale(2, RoundingMode.HALF_UP), sorted.get(0).currency());
    }
}
