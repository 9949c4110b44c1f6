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

import dev.boomer.domain.provider.ProviderUnavailable;
import dev.boomer.domain.vision.Tier;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Pays for one model call: reserves its worst case against the owner's budget, makes the call, and records
 * the cost of the usage the provider reported, and the answer, together with settling (one transaction).
 * A call that fails before it is sent is released; one that may have been charged is recorded as estimated.
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
     * Pays for one call of a step, unless a call of it in this attempt answered already: that answer (usable
     * or not) is returned again, so a retry resumes after the calls it paid for.
     *
     * @param step what the call is for ("vision-fast"); each paid call of a step in one attempt gets its own
     *             key ("vision-fast", "vision-fast-2", ...), so a call made again after one that brought no
     *             answer is recorded again
     * @throws StageStop parking the item when the worst case does not fit the budget, or sending it to
     *                   review when it would pass the cap per item
     */
    VisionResult pay(Run run, String step, Tier tier, String provider, String model, Usage worstCase,
                     Supplier<VisionResult> call) {
        Item item = run.item();
        List<CostEntry> madeBefore = callsOf(item, step);
        Optional<VisionResult> answered = answerAmong(madeBefore);
        if (answered.isPresent()) {
            return answered.get();
        }
        return charge(run, keyFor(run, step, madeBefore), tier, provider, model, worstCase, call, VisionResult::call,
                Optional::of);
    }

    /**
     * Pays for one call of a step whose answer is not kept for a retry (a text-only call such as a price
     * estimate): reserved, made, recorded and settled as {@link #pay} does; a retry that finds the call's
     * cost entry makes it again under the next key.
     */
    <R> R payFor(Run run, String step, Tier tier, String provider, String model, Usage worstCase, Supplier<R> call,
                 Function<R, ModelCall> callOf) {
        return charge(run, keyFor(run, step, callsOf(run.item(), step)), tier, provider, model, worstCase, call,
                callOf, answer -> Optional.empty());
    }

    private static CostKey keyFor(Run run, String step, List<CostEntry> madeBefore) {
        Item item = run.item();
        return new CostKey(item.id(), madeBefore.isEmpty() ? step : step + "-" + (madeBefore.size() + 1),
                item.attempt(), Optional.of(run.token()));
    }

    /**
     * @param kept the answer as the ledger keeps it for a retry of the same attempt, if it is kept
     * @throws StageStop parking the item when the worst case does not fit the budget, or sending it to
     *                   review when it would pass the cap per item
     */
    private <R> R charge(Run run, CostKey key, Tier tier, String provider, String model, Usage worstCase,
                         Supplier<R> call, Function<R, ModelCall> callOf, Function<R, Optional<VisionResult>> kept) {
        Item item = run.item();
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
                R result;
                try {
                    result = call.get();
                } catch (ProviderUnavailable unanswered) {
                    settleOrRelease(granted.id(), key, item, provider, model, tier, unanswered);
                    throw unanswered;
                } catch (RuntimeException e) {
                    budgets.release(granted.id());
                    throw e;
                }
                ModelCall made = callOf.apply(result);
                Money cost = prices.costOf(made.model(), made.usage());
                record(granted.id(), new CostEntry(key, item.owner(), provider, made.model(), made.tier(),
                        made.usage(), cost, clock.instant()), kept.apply(result));
                yield result;
            }
        };
    }

    /**
     * A fault after the request was sent may have been charged: it is recorded as an estimate at list price
     * (spend is never under-counted); a fault before sending costs nothing and its reservation is released.
     */
    private void settleOrRelease(ReservationId reservation, CostKey key, Item item, String provider, String model,
                                 Tier tier, ProviderUnavailable unanswered) {
        Optional<Usage> sent = unanswered.mayHaveCharged();
        if (sent.isEmpty()) {
            budgets.release(reservation);
            return;
        }
        Usage usage = sent.get();
        record(reservation, new CostEntry(key, item.owner(), provider, model, tier, usage,
                prices.costOf(model, usage), clock.instant(), true), Optional.empty());
    }

    /**
     * The provider has charged for the call: its record is tried again rather than given up, and the
     * reservation is never released for it (if every try fails, it stays held until it expires).
     */
    private void record(ReservationId reservation, CostEntry paid, Optional<VisionResult> answer) {
        for (int tries = 1; ; tries++) {
            try {
                budgets.settle(reservation, paid, answer);
                return;
            } catch (RuntimeException e) {
                if (tries == RECORD_TRIES) {
                    throw e;
                }
            }
        }
    }

    /** The calls of a step already recorded in the item's current attempt, by any of its runs, oldest first. */
    private List<CostEntry> callsOf(Item item, String step) {
        return ledger.entriesFor(item.id()).stream()
                .filter(e -> e.key().attempt() == item.attempt())
                .filter(e -> e.key().step().equals(step) || e.key().step().matches(Pattern.quote(step) + "-\\d+"))
                .toList();
    }

    /** The newest answer among them: a call made again was made because the earlier one brought none. */
    private Optional<VisionResult> answerAmong(List<CostEntry> calls) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            Optional<VisionResult> answer = ledger.answerTo(calls.get(i).key());
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }
}
