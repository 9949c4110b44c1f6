package dev.boomer.domain.cost;

import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.vision.Tier;

import java.time.Instant;
import java.util.Objects;

/** One paid call, priced from the provider's reported usage and the price table. */
public record CostEntry(
        CostKey key, UserId user, String provider, String model, Tier tier, Usage usage, Money cost, Instant at) {

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
}
