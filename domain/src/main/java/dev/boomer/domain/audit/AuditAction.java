package dev.boomer.domain.audit;

/** What an admin or operator did; each later admin action (cache clears, breaker overrides, approvals) adds one. */
public enum AuditAction {
    BUDGET_SET("set the budget of"),
    USER_CREATED("created the user"),
    PASSWORD_RESET("reset the password of"),
    TOKEN_ISSUED("issued an API token to"),
    TOKEN_REVOKED("revoked an API token of"),
    JOB_REQUEUED("requeued the job"),
    ITEM_REQUEUED("requeued the item"),
    ITEM_RETRIED_NOW("cut short the retry wait of the item"),
    BREAKER_HELD("held the circuit breaker of"),
    BREAKER_RELEASED("released the circuit breaker of"),
    CACHE_INVALIDATED("invalidated the cache entries of"),
    REPRICE_REQUESTED("asked to reprice the");

    private final String verb;

    AuditAction(String verb) {
        this.verb = verb;
    }

    /** The action as a sentence fragment before its subject: "set the budget of" alice. */
    public String verb() {
        return verb;
    }
}
