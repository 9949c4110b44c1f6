package dev.boomer.domain.cost;

import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.money.Money;

import java.math.BigDecimal;
import java.util.Objects;

/** List prices of one model in USD per million tokens. */
public record ModelPrice(BigDecimal input, BigDecimal output, BigDecimal cacheWrite, BigDecimal cacheRead) {

    private static final int PER_MILLION = 6;

    public ModelPrice {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(cacheWrite, "cacheWrite");
        Objects.requireNonNull(cacheRead, "cacheRead");
        if (input.signum() < 0 || output.signum() < 0 || cacheWrite.signum() < 0 || cacheRead.signum() < 0) {
            throw new IllegalArgumentException("prices must be >= 0");
        }
    }

    public static ModelPrice of(String input, String output, String cacheWrite, String cacheRead) {
        return new ModelPrice(new BigDecimal(input), new BigDecimal(output), new BigDecimal(cacheWrite),
                new BigDecimal(cacheRead));
    }

    /** The exact cost of a usage: no rounding, a decimal point moved six places. */
    public Money costOf(Usage usage) {
        BigDecimal microTokensUsd = input.multiply(BigDecimal.valueOf(usage.inputTokens()))
                .add(output.multiply(BigDecimal.valueOf(usage.outputTokens())))
                .add(cacheWrite.multiply(BigDecimal.valueOf(usage.cacheWriteTokens())))
                .add(cacheRead.multiply(BigDecimal.valueOf(usage.cacheReadTokens())));
        return Money.usd(microTokensUsd.movePointLeft(PER_MILLION));
    }
}
