package dev.boomer.domain.market;

import dev.boomer.domain.item.Condition;
import dev.boomer.domain.money.Money;

import java.util.Objects;

/** One comparable listing or sale a price is based on. */
public record ComparableSale(String title, Money price, Condition condition, String url) {
    public ComparableSale {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(url, "url");
        if (!price.isPositive()) {
            throw new IllegalArgumentException("a comparable's price must be positive, not " + price);
        }
    }
}
