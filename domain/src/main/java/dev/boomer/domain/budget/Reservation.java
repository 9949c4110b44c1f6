package dev.boomer.domain.budget;

import dev.boomer.domain.money.Money;

/** The outcome of asking a budget for room before a paid call. */
public sealed interface Reservation {

    record Granted(ReservationId id, Money amount) implements Reservation {
    }

    /** The call would take spent + reserved past the hard limit. */
    record Refused(Money limit, Money committed, Money requested) implements Reservation {
    }
}
