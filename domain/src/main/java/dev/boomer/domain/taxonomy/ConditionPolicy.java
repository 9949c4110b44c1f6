package dev.boomer.domain.taxonomy;

import dev.boomer.domain.item.Condition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The item conditions a listing in one category may say (eBay's item condition policy). An empty list is
 * a category whose policy is not known: any condition is left for the marketplace to judge.
 */
public record ConditionPolicy(String categoryId, List<Condition> allowed) {

    public ConditionPolicy {
        Objects.requireNonNull(categoryId, "categoryId");
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    public static ConditionPolicy unknown(String categoryId) {
        return new ConditionPolicy(categoryId, List.of());
    }

    public boolean known() {
        return !allowed.isEmpty();
    }

    public boolean allows(Condition condition) {
        return !known() || allowed.contains(condition);
    }

    /**
     * How an item in this condition is listed here: as itself when the category offers it, else as its best
     * substitute the category offers ({@link Condition#substitutes()}); empty when it offers neither.
     */
    public Optional<Condition> listedAs(Condition condition) {
        if (allows(condition)) {
            return Optional.of(condition);
        }
        return condition.substitutes().stream().filter(allowed::contains).findFirst();
    }

    /** The allowed conditions in words, with their ids: "New (1000), Used (3000)". */
    public String describe() {
        return allowed.stream().map(c -> c.label() + " (" + c.ebayId() + ")").collect(Collectors.joining(", "));
    }
}
