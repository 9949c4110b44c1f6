package dev.boomer.domain.user;

/** What a person may do in the console and the API (the table is in docs/security.md). */
public enum Role {
    /** Everything, including budgets, users and tokens. */
    ADMIN,
    /** Runs the queue and everyone's items; cannot change budgets or users. */
    OPERATOR,
    /** A reseller: submits photos and spends within their budget; sees only their own items, photos and costs. */
    SELLER,
    /** Reads everyone's items and changes nothing: no uploads, no inbox, no API writes. */
    VIEWER;

    /** Sees every user's items and photos, not only their own. */
    public boolean seesEveryone() {
        return this != SELLER;
    }

    /** May submit items (and so spend): by the API, the inbox or the console's upload page. */
    public boolean submits() {
        return this != VIEWER;
    }

    /** Runs the platform: the queue, the users' spend and the adapters pages. */
    public boolean operates() {
        return this == ADMIN || this == OPERATOR;
    }
}
