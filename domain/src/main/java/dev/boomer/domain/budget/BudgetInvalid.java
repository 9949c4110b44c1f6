package dev.boomer.domain.budget;

import java.util.Map;
import java.util.stream.Collectors;

/** A budget that cannot be: each problem by the field it concerns, in words for the person who typed it. */
public final class BudgetInvalid extends RuntimeException {

    private final Map<String, String> errors;

    public BudgetInvalid(Map<String, String> errors) {
        super(errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; ")));
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
