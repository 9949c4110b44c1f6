package dev.boomer.domain.cost;

/** A model with no entry in the price table: a configuration error, never a silent $0. */
public final class UnknownModelPrice extends RuntimeException {
    private final String model;

    public UnknownModelPrice(String model) {
        super("model '" + model + "' has no price in boomer.prices; add input, output, cache-write and cache-read"
                + " prices (USD per million tokens) for it");
        this.model = model;
    }

    public String model() {
        return model;
    }
}
