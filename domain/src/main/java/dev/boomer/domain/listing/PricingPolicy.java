package dev.boomer.domain.listing;

import dev.boomer.domain.market.MarketQuote;
import dev.boomer.domain.market.PriceKind;
import dev.boomer.domain.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;

/**
 * How a quote becomes a suggested price: the median total (price plus shipping) of its comparables, less
 * {@code askingDiscount} when they are asking prices, which sit above what things sell for (many listings
 * never sell at their asking price): those of active listings, and Boomer's history, which keeps what live
 * sources showed (asking prices, until a sold-items source is configured). The price includes shipping:
 * a draft offers free shipping, or takes its shipping off the price.
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
        if (!asking(quote.kind())) {
            return quote.median().toCents();
        }
        BigDecimal discounted = quote.median().amount().multiply(BigDecimal.ONE.subtract(askingDiscount));
        return new Money(discounted.setScale(2, RoundingMode.HALF_UP), quote.median().currency()).toCents();
    }

    /** The policy in words, as the evidence shows it. */
    public String describe(PriceKind kind) {
        String shipping = ", shipping included";
        return switch (kind) {
            case ACTIVE_ASKING, HISTORY -> String.format(Locale.ROOT,
                    "median asking total less %s %% (asking prices sit above what sells)%s",
                    askingDiscount.movePointRight(2).stripTrailingZeros().toPlainString(), shipping);
            case AI_ESTIMATE -> "the estimate's median";
            default -> "median total of the comparables" + shipping;
        };
    }

    private static boolean asking(PriceKind kind) {
        return kind == PriceKind.ACTIVE_ASKING || kind == PriceKind.HISTORY;
    }
}
