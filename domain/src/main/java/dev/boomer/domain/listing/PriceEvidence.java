package dev.boomer.domain.listing;

import dev.boomer.domain.market.ComparableSale;
import dev.boomer.domain.market.MarketQuote;
import dev.boomer.domain.market.PriceKind;
import dev.boomer.domain.market.PriceSource;
import dev.boomer.domain.market.Screening;
import dev.boomer.domain.money.Money;

import java.util.List;
import java.util.Objects;

/**
 * Why a draft has its price: the source and kind of prices, the query that found them, the sample, its
 * median and spread (25th to 75th percentile of the totals), what was screened out, and the pricing
 * policy that turned them into the price.
 */
public record PriceEvidence(
        PriceSource source, PriceKind kind, String query, int sampleSize, Money median, Money low, Money high,
        List<ComparableSale> comps, Screening screening, String pricing) {

    public PriceEvidence {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(median, "median");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        comps = List.copyOf(comps);
        // evidence stored before these were recorded: its kind followed from the source, its price was the median
        kind = kind == null ? PriceKind.usualFor(source) : kind;
        query = query == null ? "" : query;
        screening = screening == null ? Screening.none(sampleSize) : screening;
        pricing = pricing == null ? "median" : pricing;
    }

    public static PriceEvidence of(MarketQuote quote, PricingPolicy policy) {
        return new PriceEvidence(quote.source(), quote.kind(), quote.query(), quote.sampleSize(), quote.median(),
                quote.low(), quote.high(), quote.comps(), quote.screening(), policy.describe(quote.kind()));
    }
}
