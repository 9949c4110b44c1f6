package dev.boomer.domain.cost;

import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.money.Money;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Prices per model, from configuration. */
public record PriceTable(Map<String, ModelPrice> prices) {

    public PriceTable {
        prices = Map.copyOf(Objects.requireNonNull(prices, "prices"));
    }

    public ModelPrice priceOf(String model) {
        ModelPrice price = prices.get(model);
        if (price == null) {
            throw new UnknownModelPrice(model);
        }
        return price;
    }

    public Money costOf(String model, Usage usage) {
        return priceOf(model).costOf(usage);
    }

    /** @throws UnknownModelPrice for the first model without a price */
    public void requirePricesFor(Set<String> models) {
        models.stream().sorted().forEach(this::priceOf);
    }
}
