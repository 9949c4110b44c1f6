package dev.boomer.domain.budget;

import dev.boomer.domain.money.Money;

/** The outcome of asking a budget for room before a paid call. */
public sealed interface Reservation {

    record Granted(ReservationId id, Money amount) implements Reservation {
    }

    /**
     * Refused: {@code committed} (spent plus reserved, or what the item has cost so far) plus
     * {@code requested} would pass {@code limit}.
     */
    record Refused(Limit limit, Money ceiling, Money committed, Money requested) implements Reservation {
    }

    /** Which limit a refusal hit. */
    enum Limit {
        HARD_LIMIT,
        ITEM_CAP
    }
}
