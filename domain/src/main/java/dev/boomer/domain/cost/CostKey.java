package dev.boomer.domain.cost;

import dev.boomer.domain.item.ItemId;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Idempotency key of one paid call: the item, the pipeline step ("vision-fast") and the item's attempt.
 * A job that runs twice produces the same keys, so the ledger records each call once.
 */
public record CostKey(ItemId item, String step, int attempt) {

    private static final Pattern STEP = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public CostKey {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(step, "step");
        if (!STEP.matcher(step).matches()) {
            throw new IllegalArgumentException("step must be lower-case kebab-case, not '" + step + "'");
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, not " + attempt);
        }
    }

    public String value() {
        return item + "/" + step + "/" + attempt;
    }

    @Override
    public String toString() {
        return value();
    }
}
