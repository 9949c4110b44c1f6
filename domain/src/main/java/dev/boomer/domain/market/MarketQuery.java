package dev.boomer.domain.market;

import dev.boomer.domain.item.Condition;

import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** What to price: a GTIN when known (most precise), else a text query, in a condition and currency. */
public record MarketQuery(Optional<String> gtin, String query, Condition condition, Currency currency) {
    public MarketQuery {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(currency, "currency");
        if (query.isBlank()) {
            throw new IllegalArgumentException("query must not be blank");
        }
    }

    /** The same query without its GTIN: for a source that does not know the GTIN. */
    public MarketQuery byWordsOnly() {
        return new MarketQuery(Optional.empty(), query, condition, currency);
    }

    /** What was searched for, as evidence shows it: the GTIN when there is one, else the query text. */
    public String describe() {
        return gtin.map(g -> "gtin " + g).orElse(query);
    }

    /** The query's words, normalized: lower case, runs of other characters as one dash. */
    public String wordsKey() {
        return query.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** Stable cache identity: the GTIN, or the normalized query text, with the condition. */
    public String identity() {
        String what = gtin.map(g -> "gtin-" + g).orElseGet(this::wordsKey);
        return what + ":" + condition.name().toLowerCase(Locale.ROOT) + ":" + currency.getCurrencyCode();
    }
}
