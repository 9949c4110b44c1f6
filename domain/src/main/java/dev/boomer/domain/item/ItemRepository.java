package dev.boomer.domain.item;

import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.user.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public interface ItemRepository {

    void insert(Item item);

    Optional<Item> findById(ItemId id);

    /** Stores the item's new state (status, reason, attempt, updatedAt). */
    void update(Item item);

    List<Item> find(ItemQuery query);

    /** Every change of the item's state (insert, claim, update), oldest first. */
    List<ItemEvent> history(ItemId id);

    Map<ItemStatus, Long> countByStatus();

    /**
     * Whether any item holds this photo, or, with an owner, any item of that owner. Photos are shared by
     * content, so this is what decides who may see one.
     */
    boolean holdsPhoto(ContentHash photo, Optional<UserId> owner);

    /**
     * Takes the item for processing in one atomic step: a RECEIVED item that is due (see
     * {@link Item#isDue}), or a PROCESSING one whose lease has expired (its worker died), becomes PROCESSING
     * under this worker's lease. Whoever claims first
     * runs it; everyone else gets empty (not found, settled, or held by a live lease).
     */
    Optional<Item> claim(ItemId id, String worker, Instant now, Duration lease);

    /**
     * The RECEIVED item that is due now and comes first, {@code except} those: URGENT before NORMAL before
     * ECONOMY, oldest first within a priority.
     */
    Optional<ItemId> mostUrgentDue(Instant now, Set<ItemId> except);

    /**
     * Extends the lease while its holder works: true when {@code holder} still holds the item, which then
     * stays its own until {@code now + lease}; false when the lease was lost (it ran out and another
     * worker claimed the item, or the item is settled).
     */
    boolean renewLease(ItemId id, String holder, Instant now, Duration lease);

    /**
     * Stores a run's result only while {@code holder} holds the item's lease: true when stored, false when
     * the lease was lost, in which case nothing changes.
     */
    boolean updateHeld(Item item, String holder);

    /**
     * Stores a person's change only while the item is as it was read ({@code readAt}, its updatedAt then):
     * true when stored, false when it changed meanwhile (a worker claimed it), in which case nothing changes.
     */
    boolean updateIfUnchanged(Item item, Instant readAt);

    /**
     * Hands back every item this instance holds (lease holders {@code <instance>#...}) as RECEIVED with the
     * reason given and no lease, for another instance to take at once; its runs, if they go on, are fenced
     * out. For a shutdown that could not wait for them.
     *
     * @return the items handed back
     */
    List<Item> releaseHeldBy(String instance, String reason, Instant now);

    /**
     * Unfinished items that nobody may be running: RECEIVED ones due before {@code dueBefore} (their job
     * should have started by then), and PROCESSING ones whose lease has expired at {@code now}. Oldest first.
     */
    List<Item> findUnattended(Instant dueBefore, Instant now, int limit);
}
