package dev.boomer.domain.market;

import dev.boomer.domain.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A price for an item, with its evidence: where it came from and what kind of prices they are, the query
 * that found them, the comparables, their median and spread ({@link #LOW_PERCENTILE}th to
 * {@link #HIGH_PERCENTILE}th percentile of the totals, price plus shipping), and what was screened out.
 *
 * @param product what the comparables' listings say the product is, when they were found by its GTIN
 */
public record MarketQuote(
        PriceSource source, PriceKind kind, String query, List<ComparableSale> comps, Money median, Money low,
        Money high, int sampleSize, Screening screening, Instant quotedAt, Optional<ProductMatch> product) {

    public static final int LOW_PERCENTILE = 25;
    public static final int HIGH_PERCENTILE = 75;

    public MarketQuote {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(median, "median");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(screening, "screening");
        Objects.requireNonNull(quotedAt, "quotedAt");
        comps = List.copyOf(comps);
        product = product == null ? Optional.empty() : product;
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

    /** A quote that does not say what product its comparables are. */
    public MarketQuote(PriceSource source, PriceKind kind, String query, List<ComparableSale> comps, Money median,
                       Money low, Money high, int sampleSize, Screening screening, Instant quotedAt) {
        this(source, kind, query, comps, median, low, high, sampleSize, screening, quotedAt, Optional.empty());
    }

    /** The same quote, saying which product its comparables are (a search by GTIN). */
    public MarketQuote identifying(Optional<ProductMatch> match) {
        return new MarketQuote(source, kind, query, comps, median, low, high, sampleSize, screening, quotedAt, match);
    }

    /** Median and interquartile spread of the comparables' totals (all in one currency). */
    public static MarketQuote fromComps(PriceSource source, PriceKind kind, String query, List<ComparableSale> comps,
                                        Screening screening, Instant quotedAt) {
        if (comps.isEmpty()) {
            throw new IllegalArgumentException("a quote from comparables needs at least one");
        }
        List<Money> totals = comps.stream().map(ComparableSale::total).sorted(Comparator.naturalOrder()).toList();
        return new MarketQuote(source, kind, query, comps, percentile(totals, 50), percentile(totals, LOW_PERCENTILE),
                percentile(totals, HIGH_PERCENTILE), comps.size(), screening, quotedAt);
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
