package dev.boomer.domain.market;

import java.util.Optional;

/** A source of market prices (eBay Browse, our price history, an AI estimate, simulated). */
public interface MarketData {

    String name();

    /** Empty when this source has nothing for the query; the caller falls back to the next source. */
    Optional<MarketQuote> quote(MarketQuery query);
}
