package dev.boomer.domain.market;

/** Where a price came from. An AI estimate is the labelled last resort. */
public enum PriceSource {
    EBAY,
    HISTORY,
    AI_ESTIMATE,
    SIMULATED
}
