package dev.boomer.domain.market;

/**
 * What kind of prices a quote rests on, which decides how far it can be trusted and how it is turned into
 * a suggested price (see {@link dev.boomer.domain.listing.PricingPolicy}).
 */
public enum PriceKind {
    /** What sellers ask now for the same thing (eBay Browse): above what it sells for. */
    ACTIVE_ASKING,
    /** What the same thing sold for (a sold-items source). */
    SOLD,
    /** Comparables Boomer saw before, from its own price history. */
    HISTORY,
    /** A language model's guess: the labelled last resort. */
    AI_ESTIMATE,
    /** Made up by the simulated market: for demos and tests only. */
    SIMULATED;

    /** The kind a source's prices were, for evidence stored before kinds were recorded. */
    public static PriceKind usualFor(PriceSource source) {
        return switch (source) {
            case EBAY -> ACTIVE_ASKING;
            case HISTORY -> HISTORY;
            case AI_ESTIMATE -> AI_ESTIMATE;
            case SIMULATED -> SIMULATED;
        };
    }
}
