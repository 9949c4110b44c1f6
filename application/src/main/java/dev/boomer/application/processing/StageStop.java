package dev.boomer.application.processing;

import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.money.Money;

import java.util.Optional;

/**
 * A stage ended the run with an expected outcome (parked, needs review, failed). Internal to the
 * processing package: {@link ProcessItem} turns it into the item's new status.
 */
final class StageStop extends RuntimeException {
    private final ItemStatus status;
    private final String code;
    private final String reason;
    private final Optional<Money> waitsFor;

    StageStop(ItemStatus status, String code, String message) {
        this(status, code, message, Optional.empty());
    }

    private StageStop(ItemStatus status, String code, String message, Optional<Money> waitsFor) {
        super(code + ": " + message, null, false, false);
        this.status = status;
        this.code = code;
        this.reason = code + ": " + message;
        this.waitsFor = waitsFor;
    }

    /** Parks the item until {@code room} of its owner's budget is free. */
    static StageStop parked(String code, String message, Money room) {
        return new StageStop(ItemStatus.PARKED, code, message, Optional.of(room));
    }

    ItemStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    /** The reason without its code. */
    String detail() {
        return reason.substring(code.length() + 2);
    }

    String reason() {
        return reason;
    }

    Optional<Money> waitsFor() {
        return waitsFor;
    }
}
