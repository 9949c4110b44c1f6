package dev.boomer.application.processing;

import dev.boomer.domain.budget.Budgets;
import dev.boomer.domain.budget.Reservation;
import dev.boomer.domain.budget.ReservationId;
import dev.boomer.domain.cost.CostEntry;
import dev.boomer.domain.cost.CostKey;
import dev.boomer.domain.cost.CostLedger;
import dev.boomer.domain.cost.PriceTable;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.vision.ModelCall;
import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.vision.VisionResult;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Pays for one model call: reserves its worst case against the owner's budget, makes the call, and records
 * the cost of the usage the provider reported together with settling (one transaction); when the call
 * fails, the reservation is released.
 */
public final class Spending {

    private static final int RECORD_TRIES = 3;

    private final Budgets budgets;
    private final CostLedger ledger;
    private final PriceTable prices;
    private final Clock clock;

    public Spending(Budgets budgets, CostLedger ledger, PriceTable prices, Clock clock) {
        this.budgets = budgets;
        this.ledger = ledger;
        this.prices = prices;
        this.clock = clock;
    }

    /** Past the soft limit, a user's items stay on the FAST tier. */
    boolean holdsToFast(Item item) {
        return budgets.standing(item.owner()).pastSoftLimit();
    }

    /**
     * @param step what the call is for ("vision-fast"); each paid call of a step in one attempt gets its own
     *             key ("vision-fast", "vision-fast-2", ...), so a call made again is recorded again
     * @throws StageStop parking the item when the worst case does not fit the budget, or sending it to
     *                   review when it would pass the cap per item
     */
    VisionResult pay(Run run, String step, String provider, String model, Usage worstCase,
                     Supplier<VisionResult> call) {
        Item item = run.item();
        CostKey key = nextKey(run, step);
        Money mostItCanCost = prices.costOf(model, worstCase);
        return switch (budgets.reserve(item.owner(), key, mostItCanCost)) {
            case Reservation.Refused refused when refused.limit() == Reservation.Limit.ITEM_CAP ->
                    throw new StageStop(ItemStatus.NEEDS_REVIEW, "item_cap", "this call may cost up to "
                            + refused.requested() + " and the item has cost " + refused.committed()
                            + " of its " + refused.ceiling() + " cap");
            case Reservation.Refused refused -> throw StageStop.parked("over_budget",
                    "this call may cost up to " + refused.requested() + " and " + refused.committed()
                            + " of the " + refused.ceiling() + " limit is spent or reserved; the item resumes"
                            + " when that much is free (a new period, a raised limit)", refused.requested());
            case Reservation.Granted granted -> {
                VisionResult result;
                try {
                    result = call.get();
                } catch (RuntimeException e) {
                    budgets.release(granted.id());
                    throw e;
                }
                ModelCall made = result.call();
                Money cost = prices.costOf(made.model(), made.usage());
                record(granted.id(), new CostEntry(key, item.owner(), provider, made.model(), made.tier(),
                        made.usage(), cost, clock.instant()));
                yield result;
            }
        };
    }

    /**
     * The provider has charged for the call: its record is tried again rather than given up, and the
     * reservation is never released for it (if every try fails, it stays held until it expires).
     */
    private void record(ReservationId reservation, CostEntry paid) {
        for (int tries = 1; ; tries++) {
            try {
                budgets.settle(reservation, paid);
                return;
            } catch (RuntimeException e) {
                if (tries == RECORD_TRIES) {
                    throw e;
                }
            }
        }
    }

    /** The step numbered after the calls of it already recorded in this attempt, and this run's token. */
    private CostKey nextKey(Run run, String step) {
        Item item = run.item();
        long made = ledger.entriesFor(item.id()).stream()
                .filter(e -> e.key().attempt() == item.attempt())
                .filter(e -> e.key().step().equals(step) || e.key().step().startsWith(step + "-"))
                .count();
        return new CostKey(item.id(), made == 0 ? step : step + "-" + (made + 1), item.attempt(),
                Optional.of(run.token()));
    }
}
