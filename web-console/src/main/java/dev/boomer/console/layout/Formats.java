package dev.boomer.console.layout;

import dev.boomer.domain.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** How the console writes money, costs and times. */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final int COST_DIGITS = 4;

    private Formats() {
    }

    /** A price as buyers see it: {@code $12.50}, or {@code 12.50 EUR} in other currencies. */
    public static String price(Money money) {
        String amount = money.toCents().plain();
        return "USD".equals(money.currency().getCurrencyCode()) ? "$" + amount
                : amount + " " + money.currency().getCurrencyCode();
    }

    /**
     * A limit someone typed, exactly as typed: at least to the cent ({@code $5.00}), with every sub-cent
     * digit it has ({@code $0.006}), so that a limit of 0.006 never shows as {@code $0.01}.
     */
    public static String limit(Money money) {
        BigDecimal stripped = money.amount().stripTrailingZeros();
        String amount = stripped.setScale(Math.max(2, stripped.scale())).toPlainString();
        return "USD".equals(money.currency().getCurrencyCode()) ? "$" + amount
                : amount + " " + money.currency().getCurrencyCode();
    }

    /**
     * A model-call cost, to a hundredth of a cent ({@code $0.0042}); amounts below that show as
     * {@code <$0.0001} rather than a misleading zero. The exact amount is in {@link #exact(Money)}.
     */
    public static String cost(Money money) {
        if (money.amount().signum() == 0) {
            return "$0.0000";
        }
        BigDecimal rounded = money.amount().setScale(COST_DIGITS, RoundingMode.HALF_UP);
        if (rounded.signum() == 0) {
            return "<$0.0001";
        }
        return "$" + rounded.toPlainString();
    }

    /** Every decimal the ledger holds, for a tooltip. */
    public static String exact(Money money) {
        return money.plain() + " " + money.currency().getCurrencyCode();
    }

    public static String time(Instant instant) {
        return TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A day, for dates where the time would be noise: {@code 2025-03-01}. */
    public static String date(Instant instant) {
        return DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(instant);
    }

    public static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@code 0.87} as {@code 87 %}. */
    public static String percent(double ratio) {
        return Math.round(ratio * 100) + " %";
    }

    /** A stored size: {@code 812 B}, {@code 4.2 KB}, {@code 1.3 MB}. */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double kb = bytes / 1024.0;
        return kb < 1024 ? String.format(java.util.Locale.ROOT, "%.1f KB", kb)
                : String.format(java.util.Locale.ROOT, "%.1f MB", kb / 1024);
    }

    /** Thousands separated token counts: {@code 12,345}. */
    public static String count(long value) {
        return String.format(java.util.Locale.ROOT, "%,d", value);
    }
}
