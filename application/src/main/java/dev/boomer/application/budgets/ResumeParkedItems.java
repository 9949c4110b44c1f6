package dev.boomer.application.budgets;

import dev.boomer.domain.budget.Budgets;
import dev.boomer.domain.budget.Standing;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemQuery;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.work.WorkQueue;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Items parked over a budget continue by themselves once their owner's budget has room for the call they
 * were refused: a new period began, an admin raised the limit, or reservations held by other items were
 * settled for less. Resuming keeps the item's attempt: parking used no retry.
 */
public final class ResumeParkedItems {

    /** Resumed per user per pass: an item that parks again waits for the next pass, not a tight loop. */
    static final int BATCH = ItemQuery.MAX_LIMIT;

    private final ItemRepository items;
    private final Budgets budgets;
    private final WorkQueue queue;
    private final Clock clock;

    public ResumeParkedItems(ItemRepository items, Budgets budgets, WorkQueue queue, Clock clock) {
        this.items = items;
        this.budgets = budgets;
        this.queue = queue;
        this.clock = clock;
    }

    /** Every user's parked items whose budget has room for them; returns how many were resumed. */
    public int resumeAll() {
        List<Item> parked = items.find(new ItemQuery(Optional.empty(), Optional.of(ItemStatus.PARKED), BATCH, 0));
        return parked.stream().map(Item::owner).distinct().mapToInt(this::resume).sum();
    }

    /**
     * The user's parked items, oldest first, as far as the budget has room for what each waits for; the
     * rest wait on. An item resumed while its room is still taken would only park again.
     */
    public int resume(UserId user) {
        Standing standing = budgets.standing(user);
        if (!standing.hasRoom()) {
            return 0;
        }
        List<Item> parked = items.find(ItemQuery.ofOwner(user, Optional.of(ItemStatus.PARKED), BATCH));
        Money promised = Money.usd("0");
        int resumed = 0;
        for (Item item : parked.reversed()) {
            Money needs = promised.plus(item.waitsFor().orElse(Money.usd("0")));
            if (!standing.hasRoomFor(needs)) {
                break;
            }
            Item waiting = item.resumed(clock.instant());
            items.update(waiting);
            queue.enqueue(waiting);
            promised = needs;
            resumed++;
        }
        return resumed;
    }
}
