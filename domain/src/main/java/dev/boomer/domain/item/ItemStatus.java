package dev.boomer.domain.item;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The item lifecycle with its allowed transitions.
 *
 * <pre>
 * RECEIVED -> PROCESSING -> DRAFTED | NEEDS_REVIEW | FAILED | PARKED
 * PROCESSING -> RECEIVED          (released for a retry after a transient fault)
 * PARKED | FAILED | NEEDS_REVIEW | DRAFTED -> RECEIVED   (resumed or requeued)
 * NEEDS_REVIEW -> DRAFTED         (a person approved the draft)
 * </pre>
 */
public enum ItemStatus {
    RECEIVED,
    PROCESSING,
    DRAFTED,
    NEEDS_REVIEW,
    PARKED,
    FAILED;

    private static final Map<ItemStatus, Set<ItemStatus>> ALLOWED = Map.of(
            RECEIVED, EnumSet.of(PROCESSING, FAILED),
            PROCESSING, EnumSet.of(DRAFTED, NEEDS_REVIEW, FAILED, PARKED, RECEIVED),
            DRAFTED, EnumSet.of(RECEIVED),
            NEEDS_REVIEW, EnumSet.of(DRAFTED, RECEIVED),
            PARKED, EnumSet.of(RECEIVED),
            FAILED, EnumSet.of(RECEIVED));

    public boolean canMoveTo(ItemStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** No work is left for the pipeline (a person or a requeue may still act). */
    public boolean isSettled() {
        return this == DRAFTED || this == NEEDS_REVIEW || this == FAILED;
    }
}
