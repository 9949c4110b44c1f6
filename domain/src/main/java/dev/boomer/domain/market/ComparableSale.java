package dev.boomer.domain.market;

import dev.boomer.domain.item.Condition;
import dev.boomer.domain.money.Money;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One comparable listing or sale a price is based on: its price and what shipping it asks on top (a buyer
 * pays both, so comparables are compared by {@link #total()}), and when it was listed, if known.
 */
public record ComparableSale(
        String title, Money price, Money shipping, Condition condition, String url, Optional<Instant> listedAt) {

    public ComparableSale {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(url, "url");
        // evidence stored before shipping and listing dates were recorded has neither
        shipping = shipping == null ? Money.zero(price.currency()) : shipping;
        listedAt = listedAt == null ? Optional.empty() : listedAt;
        if (!price.isPositive()) {
            throw new IllegalArgumentException("a comparable's price must be positive, not " + price);
        }
        if (shipping.isNegative() || !shipping.currency().equals(price.currency())) {
            throw new IllegalArgumentException("shipping must be >= 0 in the price's currency, not " + shipping);
        }
    }

    /** A comparable with free (or unknown) shipping and no listing date. */
    public ComparableSale(String title, Money price, Condition condition, String url) {
        this(title, price, Money.zero(price.currency()), condition, url, Optional.empty());
    }

    /** What a buyer pays: price plus shipping. */
    public Money total() {
        return price.plus(shipping);
    }
}
