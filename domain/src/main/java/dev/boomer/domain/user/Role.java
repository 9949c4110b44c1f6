package dev.boomer.domain.user;

/** What a person may do in the console and the API. */
public enum Role {
    /** Everything, including budgets, users and tokens. */
    ADMIN,
    /** Runs the queue and the items, cannot change budgets or users. */
    OPERATOR,
    /** Reads only. */
    VIEWER;

    public boolean atLeast(Role other) {
        return ordinal() <= other.ordinal();
    }
}
