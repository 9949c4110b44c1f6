package dev.boomer.console.items;

import dev.boomer.domain.market.PriceKind;

/** What a price rests on, in the words a reseller reads: "12 active listings asking", not an enum. */
final class PriceBasis {

    private PriceBasis() {
    }

    static String inWords(PriceKind kind, int n) {
        return switch (kind) {
            case ACTIVE_ASKING -> listings(n, "active listing") + " asking";
            case SOLD -> listings(n, "sold listing");
            case HISTORY -> listings(n, "comparable") + " from Boomer's price history";
            case AI_ESTIMATE -> "an AI estimate, no market data";
            case SIMULATED -> listings(n, "simulated listing") + " (demo prices, not a real market)";
        };
    }

    private static String listings(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
