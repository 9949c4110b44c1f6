package dev.boomer.domain.budget;

import dev.boomer.domain.money.Money;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's spending limit for AI calls, in USD.
 *
 * @param hardLimit never exceeded: spent plus reserved stays at or below it
 * @param softLimit past it, an alert goes out once per period and the user's items stay on the FAST tier
 * @param itemCap   the most one item may cost over all its calls
 */
public record Budget(Period period, ZoneId zone, Money hardLimit, Optional<Money> softLimit, Optional<Money> itemCap) {

    /** Larger limits are typing mistakes, not budgets. */
    public static final BigDecimal MAX_LIMIT_USD = new BigDecimal("1000000");

    public Budget {
        Map<String, String> errors = problems(period, zone, hardLimit, softLimit, itemCap);
        if (!errors.isEmpty()) {
            throw new BudgetInvalid(errors);
        }
    }

    /** The same limits in another time zone (a default budget takes each user's own). */
    public Budget inZone(ZoneId other) {
        return new Budget(period, other, hardLimit, softLimit, itemCap);
    }

    public BudgetWindow windowAt(java.time.Instant now) {
        return period.windowAt(now, zone);
    }

    /** The budget as the audit log keeps it, by the field names {@link #problems} reports under. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("period", period.name());
        fields.put("timeZone", zone.getId());
        fields.put("hardLimitUsd", hardLimit.plain());
        softLimit.ifPresent(soft -> fields.put("softLimitUsd", soft.plain()));
        itemCap.ifPresent(cap -> fields.put("itemCapUsd", cap.plain()));
        return fields;
    }

    /** The budget {@link #fields()} describes. */
    public static Budget ofFields(Map<String, String> fields) {
        return new Budget(Period.valueOf(fields.get("period")), ZoneId.of(fields.get("timeZone")),
                Money.usd(fields.get("hardLimitUsd")), Optional.ofNullable(fields.get("softLimitUsd")).map(Money::usd),
                Optional.ofNullable(fields.get("itemCapUsd")).map(Money::usd));
    }

    /**
     * Every problem of these values, by field ({@code period}, {@code timeZone}, {@code hardLimitUsd},
     * {@code softLimitUsd}, {@code itemCapUsd}); empty when they make a budget. Nulls are missing values.
     */
    public static Map<String, String> problems(Period period, ZoneId zone, Money hard, Optional<Money> soft,
                                               Optional<Money> cap) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (period == null) {
            errors.put("period", "choose DAILY, WEEKLY or MONTHLY");
        }
        if (zone == null) {
            errors.put("timeZone", "a time zone such as Europe/Berlin is needed");
        }
        Objects.requireNonNull(soft, "softLimit");
        Objects.requireNonNull(cap, "itemCap");
        checkAmount(errors, "hardLimitUsd", hard, "the hard limit");
        soft.ifPresent(s -> checkAmount(errors, "softLimitUsd", s, "the soft limit"));
        cap.ifPresent(c -> checkAmount(errors, "itemCapUsd", c, "the cap per item"));
        if (!errors.containsKey("hardLimitUsd") && soft.isPresent() && !errors.containsKey("softLimitUsd")
                && soft.get().compareTo(hard) > 0) {
            errors.put("softLimitUsd", "the soft limit (" + soft.get() + ") must not be above the hard limit ("
                    + hard + ")");
        }
        if (!errors.containsKey("hardLimitUsd") && cap.isPresent() && !errors.containsKey("itemCapUsd")
                && cap.get().compareTo(hard) > 0) {
            errors.put("itemCapUsd", "the cap per item (" + cap.get() + ") must not be above the hard limit ("
                    + hard + ")");
        }
        return errors;
    }

    private static void checkAmount(Map<String, String> errors, String field, Money amount, String name) {
        if (amount == null) {
            errors.put(field, name + " is missing");
        } else if (!amount.currency().equals(Money.USD)) {
            errors.put(field, name + " must be in USD");
        } else if (amount.isNegative()) {
            errors.put(field, name + " must not be negative");
        } else if (amount.amount().compareTo(MAX_LIMIT_USD) > 0) {
            errors.put(field, name + " of " + amount + " is more than " + MAX_LIMIT_USD.toPlainString()
                    + " USD; that looks like a typing mistake");
        }
    }
}
