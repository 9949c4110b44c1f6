package dev.boomer.domain.listing;

import dev.boomer.domain.market.ComparableSale;
import dev.boomer.domain.market.MarketQuote;
import dev.boomer.domain.market.PriceSource;
import dev.boomer.domain.money.Money;

import java.util.List;
import java.util.Objects;

/** Why a draft has its price. */
public record PriceEvidence(
        PriceSource source, int sampleSize, Money median, Money low, Money high, List<ComparableSale> comps) {

    public PriceEvidence {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(median, "median");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        comps = List.copyOf(comps);
    }

    public static PriceEvidence of(MarketQuote quote) {
        return new PriceEvidence(quote.source(), quote.sampleSize(), quote.median(), quote.low(), quote.high(),
                quote.comps());
    }
}
