package dev.boomer.domain.market;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Boomer's record of the comparables it saw at live market sources: never its own suggested prices (they
 * would feed on themselves) and never simulated ones. The history source prices from it.
 */
public interface PriceHistory {

    /** Keeps the quote's comparables under the query that found them, one observation per listing and day. */
    void record(MarketQuery query, MarketQuote quote);

    /**
     * The latest observation of each listing seen since {@code since} for the query: by its GTIN when it has
     * one, else by its words; in its condition and currency; newest first.
     */
    List<Observation> seen(MarketQuery query, Instant since, int limit);

    /** One comparable as Boomer last saw it, and when. */
    record Observation(ComparableSale sale, PriceSource source, Instant seenAt) {
        public Observation {
            Objects.requireNonNull(sale, "sale");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(seenAt, "seenAt");
        }
    }

    PriceHistory NONE = new PriceHistory() {
        @Override
        public void record(MarketQuery query, MarketQuote quote) {
        }

        @Override
        public List<Observation> seen(MarketQuery query, Instant since, int limit) {
            return List.of();
        }
    };
}
