package dev.boomer.application.processing;

import dev.boomer.domain.budget.Budgets;
import dev.boomer.domain.budget.Reservation;
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
import java.util.function.Supplier;

/**
 * Pays for one model call: reserves its worst case against the owner's budget, makes the call, records the
 * cost of the usage the provider reported, and settles; on any fault the reservation is released.
 */
public final class Spending {

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
    VisionResult pay(Item item, String step, String provider, String model, Usage worstCase,
                     Supplier<VisionResult> call) {
        CostKey key = nextKey(item, step);
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
                try {
                    VisionResult result = call.get();
                    ModelCall made = result.call();
                    Money cost = prices.costOf(made.model(), made.usage());
                    ledger.record(new CostEntry(key, item.owner(), provider, made.model(), made.tier(), made.usage(),
                            cost, clock.instant()));
                    budgets.settle(granted.id(), cost);
                    yield result;
                } catch (RuntimeException e) {
                    budgets.release(granted.id());
                    throw e;
                }
            }
        };
    }

    private CostKey nextKey(Item item, String step) {
        long made = ledger.entriesFor(item.id()).stream()
                .filter(e -> e.key().attempt() == item.attempt())
                .filter(e -> e.key().step().equals(step) || e.key().step().startsWith(step + "-"))
                .count();
        return new CostKey(item.id(), made == 0 ? step : step + "-" + (made + 1), item.attempt());
    }
}
