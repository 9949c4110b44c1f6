package dev.boomer.domain.cost;

import dev.boomer.domain.item.ItemId;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Idempotency key of one paid call: the item, the pipeline step ("vision-fast"), the item's attempt and
 * the run that made it. Recording or settling one call again (a retried write) is a no-op; two runs of one
 * item (a worker whose lease ran out and the one that took over) never share a key, so both their calls
 * are paid for and recorded.
 *
 * @param run the run of the item that made the call (its lease holder's token); empty in entries recorded
 *            before runs were told apart
 */
public record CostKey(ItemId item, String step, int attempt, Optional<String> run) {

    private static final Pattern STEP = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern RUN = Pattern.compile("[a-z0-9]{1,32}");

    public CostKey {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(run, "run");
        if (!STEP.matcher(step).matches()) {
            throw new IllegalArgumentException("step must be lower-case kebab-case, not '" + step + "'");
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, not " + attempt);
        }
        if (run.isPresent() && !RUN.matcher(run.get()).matches()) {
            throw new IllegalArgumentException("run must be 1 to 32 lower-case letters and digits, not '" + run.get() + "'");
        }
    }

    public CostKey(ItemId item, String step, int attempt) {
        this(item, step, attempt, Optional.empty());
    }

    public String value() {
        return item + "/" + step + "/" + attempt + run.map(r -> "/" + r).orElse("");
    }

    /** The key whose {@link #value()} this is. */
    public static CostKey parse(String value) {
        String[] parts = value.split("/");
        if (parts.length < 3 || parts.length > 4) {
            throw new IllegalArgumentException("not a cost key: '" + value + "'");
        }
        return new CostKey(ItemId.parse(parts[0]), parts[1], Integer.parseInt(parts[2]),
                parts.length == 4 ? Optional.of(parts[3]) : Optional.empty());
    }

    @Override
    public String toString() {
        return value();
    }
}
