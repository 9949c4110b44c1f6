package dev.boomer.domain.cost;

import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.vision.Tier;

import java.time.Instant;
import java.util.Objects;

/**
 * One paid call, priced from the provider's reported usage and the price table.
 *
 * @param estimated the call was sent but no answer came back (a timeout, a dropped connection): the
 *                  provider may have charged for it, so it is recorded at list price for the input tokens
 *                  sent rather than not at all
 */
public record CostEntry(CostKey key, UserId user, String provider, String model, Tier tier, Usage usage,
                        Money cost, Instant at, boolean estimated) {

    public CostEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(at, "at");
        if (!cost.currency().equals(Money.USD) || cost.isNegative()) {
            throw new IllegalArgumentException("cost must be a non-negative USD amount, not " + cost);
        }
    }

    /** A call whose usage the provider reported. */
    public CostEntry(CostKey key, UserId user, String provider, String model, Tier tier, Usage usage,
                     Money cost, Instant at) {
        this(key, user, provider, model, tier, usage, cost, at, false);
    }
}
