package dev.boomer.domain.listing;

import dev.boomer.domain.market.MarketQuote;
import dev.boomer.domain.market.PriceKind;
import dev.boomer.domain.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;

/**
 * How a quote becomes a suggested price: the median total of its comparables, less {@code askingDiscount}
 * when they are asking prices of active listings, which sit above what things sell for (many never sell
 * at their asking price).
 */
public record PricingPolicy(BigDecimal askingDiscount) {

    public static final PricingPolicy DEFAULT = new PricingPolicy(new BigDecimal("0.10"));

    public PricingPolicy {
        Objects.requireNonNull(askingDiscount, "askingDiscount");
        if (askingDiscount.signum() < 0 || askingDiscount.compareTo(new BigDecimal("0.9")) > 0) {
            throw new IllegalArgumentException("the asking-price discount must be within 0..0.9, not " + askingDiscount);
        }
    }

    public Money suggest(MarketQuote quote) {
        if (quote.kind() != PriceKind.ACTIVE_ASKING) {
            return quote.median().toCents();
        }
        BigDecimal discounted = quote.median().amount().multiply(BigDecimal.ONE.subtract(askingDiscount));
        return new Money(discounted.setScale(2, RoundingMode.HALF_UP), quote.median().currency()).toCents();
    }

    /** The policy in words, as the evidence shows it. */
    public String describe(PriceKind kind) {
        return switch (kind) {
            case ACTIVE_ASKING -> String.format(Locale.ROOT,
                    "median asking total less %s %% (asking prices sit above what sells)",
                    askingDiscount.movePointRight(2).stripTrailingZeros().toPlainString());
            case AI_ESTIMATE -> "the estimate's median";
            default -> "median total of the comparables";
        };
    }
}
