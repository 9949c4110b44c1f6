package dev.boomer.domain.item;

import dev.boomer.domain.user.UserId;

import java.util.Objects;
import java.util.Optional;

/** A page of items, newest first, optionally for one owner and one status. */
public record ItemQuery(Optional<UserId> owner, Optional<ItemStatus> status, int limit, int offset) {
    public static final int MAX_LIMIT = 500;

    public ItemQuery {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(status, "status");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", not " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, not " + offset);
        }
    }

    public static ItemQuery all(int limit) {
        return new ItemQuery(Optional.empty(), Optional.empty(), limit, 0);
    }

    public static ItemQuery ofOwner(UserId owner, Optional<ItemStatus> status, int limit) {
        return new ItemQuery(Optional.of(owner), status, limit, 0);
    }
}
