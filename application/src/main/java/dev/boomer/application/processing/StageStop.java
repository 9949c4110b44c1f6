package dev.boomer.application.processing;

import dev.boomer.domain.item.ItemStatus;

/**
 * A stage ended the run with an expected outcome (parked, needs review, failed). Internal to the
 * processing package: {@link ProcessItem} turns it into the item's new status.
 */
final class StageStop extends RuntimeException {
    private final ItemStatus status;
    private final String reason;

    StageStop(ItemStatus status, String code, String message) {
        super(code + ": " + message, null, false, false);
        this.status = status;
        this.reason = code + ": " + message;
    }

    ItemStatus status() {
        return status;
    }

    String reason() {
        return reason;
    }
}
