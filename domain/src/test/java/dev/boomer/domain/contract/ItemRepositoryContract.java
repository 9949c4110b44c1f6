package dev.boomer.domain.contract;

import static dev.boomer.domain.contract.Samples.T0;
import static dev.boomer.domain.contract.Samples.receivedItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemEvent;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemQuery;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every {@link ItemRepository} does. Each test starts from an empty repository. */
public abstract class ItemRepositoryContract {

    private static final Duration LEASE = Duration.ofMinutes(5);

    private ItemRepository items;

    /** A fresh, empty repository. */
    protected abstract ItemRepository createRepository();

    /** An owner the repository accepts; stores with referential integrity create the user first. */
    protected UserId anOwner() {
        return UserId.random();
    }

    @BeforeEach
    void createItems() {
        items = createRepository();
    }

    @Test
    void anInsertedItemIsFoundByIdWithAllItsFields() {
        Item item = receivedItem(anOwner(), T0);

        items.insert(item);

        assertThat(items.findById(item.id())).contains(item);
    }

    @Test
    void aPhotoIsHeldByTheItemsThatHoldItAndSharedPhotosByEachOwner() {
        UserId alice = anOwner();
        UserId bob = anOwner();
        UserId carol = anOwner();
        Item ofAlice = receivedItem(alice, T0);
        ContentHash shared = ofAlice.photos().getFirst().hash();
        Item ofBob = Item.received(ItemId.random(), bob, Priority.NORMAL, Optional.empty(),
                List.of(ofAlice.photos().getFirst()), T0);
        items.insert(ofAlice);
        items.insert(ofBob);

        assertThat(items.holdsPhoto(shared, Optional.empty())).isTrue();
        assertThat(items.holdsPhoto(shared, Optional.of(alice))).isTrue();
        assertThat(items.holdsPhoto(shared, Optional.of(bob))).isTrue();
        assertThat(items.holdsPhoto(shared, Optional.of(carol))).isFalse();
        ContentHash alicesOwn = ofAlice.photos().get(1).hash();
        assertThat(items.holdsPhoto(alicesOwn, Optional.of(bob))).isFalse();
        assertThat(items.holdsPhoto(Samples.photo("never uploaded").photo().hash(), Optional.empty())).isFalse();
    }

    @Test
    void theMostUrgentDueItemIsTheOldestOfTheMostUrgentPriorityThatIsDue() {
        UserId owner = anOwner();
        Item normalOld = item(owner, Priority.NORMAL, T0);
        Item economy = item(owner, Priority.ECONOMY, T0.minusSeconds(60));
        Item urgentWaiting = items.claim(insert(item(owner, Priority.URGENT, T0.minusSeconds(30))).id(), "w", T0, LEASE)
                .orElseThrow().waitingUntil(T0.plusSeconds(60), "provider_unavailable: 529", true, T0);
        items.update(urgentWaiting);
        Item urgentDue = item(owner, Priority.URGENT, T0.plusSeconds(5));
        Item urgentLater = item(owner, Priority.URGENT, T0.plusSeconds(6));
        for (Item each : List.of(normalOld, economy, urgentDue, urgentLater)) {
            insert(each);
        }
        Instant now = T0.plusSeconds(10);

        assertThat(items.mostUrgentDue(now, Set.of())).contains(urgentDue.id());
        assertThat(items.mostUrgentDue(T0.plusSeconds(61), Set.of())).as("due by then, and older").contains(urgentWaiting.id());

        assertThat(items.mostUrgentDue(now, Set.of(urgentDue.id()))).as("but that one").contains(urgentLater.id());
        items.claim(urgentDue.id(), "w", now, LEASE);
        items.claim(urgentLater.id(), "w", now, LEASE);
        assertThat(items.mostUrgentDue(now, Set.of())).contains(normalOld.id());
        items.claim(normalOld.id(), "w", now, LEASE);
        assertThat(items.mostUrgentDue(now, Set.of())).contains(economy.id());
        items.claim(economy.id(), "w", now, LEASE);
        assertThat(items.mostUrgentDue(now, Set.of())).as("the waiting one is not due yet").isEmpty();
    }

    private Item item(UserId owner, Priority priority, Instant at) {
        Item template = receivedItem(owner, at);
        return Item.received(ItemId.random(), owner, priority, Optional.empty(), template.photos(), at);
    }

    private Item insert(Item item) {
        items.insert(item);
        return item;
    }

    @Test
    void anUnknownItemIsNotFound() {
        assertThat(items.findById(ItemId.random())).isEmpty();
    }

    @Test
    void updateStoresTheNewStatusReasonAttemptAndTime() {
        Item item = receivedItem(anOwner(), T0);
        items.insert(item);
        Item failed = item.failed("photos unreadable", T0.plusSeconds(10));
        Item requeued = failed.requeued(T0.plusSeconds(20)).startProcessing(T0.plusSeconds(30))
                .needsReview("low confidence", T0.plusSeconds(40));

        items.update(failed);
        items.update(requeued);

        Item stored = items.findById(item.id()).orElseThrow();
        assertThat(stored).isEqualTo(requeued);
        assertThat(stored.attempt()).isEqualTo(2);
        assertThat(stored.reason()).contains("low confidence");
    }

    @Test
    void aPersonsChangeIsStoredOnlyWhileTheItemIsAsItWasRead() {
        Item item = receivedItem(anOwner(), T0);
        items.insert(item);
        Item waiting = items.claim(item.id(), "worker-a", T0, LEASE).orElseThrow()
                .waitingUntil(T0.plusSeconds(60), "provider_unavailable: 529", true, T0.plusSeconds(1));
        items.update(waiting);
        Item read = items.findById(item.id()).orElseThrow();

        Item due = read.retriedNow(T0.plusSeconds(2));
        assertThat(items.updateIfUnchanged(due, read.updatedAt())).isTrue();
        assertThat(items.findById(item.id())).contains(due);

        Item claimed = items.claim(item.id(), "worker-b", T0.plusSeconds(3), LEASE).orElseThrow();
        assertThat(items.updateIfUnchanged(read.retriedNow(T0.plusSeconds(4)), read.updatedAt()))
                .as("read before it was claimed").isFalse();
        assertThat(items.findById(item.id())).contains(claimed);
    }

    @Test
    void aProvidersWaitIsKeptApartFromABackoff() {
        Item item = receivedItem(anOwner(), T0);
        items.insert(item);
        Item providers = items.claim(item.id(), "worker-a", T0, LEASE).orElseThrow()
                .waitingUntil(T0.plusSeconds(20), "provider_unavailable: 429 retry-after 20", false, T0.plusSeconds(1));
        items.update(providers);

        Item stored = items.findById(item.id()).orElseThrow();
        assertThat(stored.providersWait()).isTrue();
        assertThat(stored.canRetryNow()).isFalse();
        assertThat(stored).isEqualTo(providers);
    }

    @Test
    void aParkedItemKeepsTheRoomItWaitsForUntilItMovesOn() {
        Item item = receivedItem(anOwner(), T0);
        items.insert(item);
        Item parked = items.claim(item.id(), "worker-a", T0, LEASE).orElseThrow()
                .parked("over_budget: full", Money.usd("0.0123"), T0.plusSeconds(1));
        items.update(parked);

        assertThat(items.findById(item.id()).orElseThrow().waitsFor()).contains(Money.usd("0.0123"));

        items.update(parked.resumed(T0.plusSeconds(2)));
        assertThat(items.findById(item.id()).orElseThrow().waitsFor()).isEmpty();
    }

    @Test
    void findListsNewestFirstFilteredByOwnerAndStatus() {
        UserId alice = anOwner();
        UserId bob = anOwner();
        Item oldest = receivedItem(alice, T0);
        Item middle = receivedItem(bob, T0.plusSeconds(60));
        Item newest = receivedItem(alice, T0.plusSeconds(120));
        List.of(oldest, middle, newest).forEach(items::insert);
        items.update(oldest.failed("broken", T0.plusSeconds(180)));

        assertThat(items.find(ItemQuery.all(10))).extracting(Item::id)
                .containsExactly(newest.id(), middle.id(), oldest.id());
        assertThat(items.find(ItemQuery.ofOwner(alice, Optional.empty(), 10))).extracting(Item::id)
                .containsExactly(newest.id(), oldest.id());
        assertThat(items.find(ItemQuery.ofOwner(alice, Optional.of(ItemStatus.FAILED), 10))).extracting(Item::id)
                .containsExactly(oldest.id());
        assertThat(items.find(new ItemQuery(Optional.empty(), Optional.of(ItemStatus.RECEIVED), 10, 0)))
                .extracting(Item::id).containsExactly(newest.id(), middle.id());
    }

    @Test
    void findPagesWithLimitAndOffset() {
        UserId owner = anOwner();
        List<Item> inserted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Item item = receivedItem(owner, T0.plusSeconds(i));
            items.insert(item);
            inserted.add(0, item);
        }

        List<Item> secondPage = items.find(new ItemQuery(Optional.of(owner), Optional.empty(), 2, 2));

        assertThat(secondPage).extracting(Item::id).containsExactly(inserted.get(2).id(), inserted.get(3).id());
    }

    @Test
    void countByStatusCountsTheItemsInEachStatus() {
        UserId owner = anOwner();
        Item a = receivedItem(owner, T0);
        Item b = receivedItem(owner, T0.plusSeconds(1));
        Item c = receivedItem(owner, T0.plusSeconds(2));
        List.of(a, b, c).forEach(items::insert);
        items.update(c.failed("broken", T0.plusSeconds(3)));

        var counts = items.countByStatus();

        assertThat(counts.getOrDefault(ItemStatus.RECEIVED, 0L)).isEqualTo(2L);
        assertThat(counts.getOrDefault(ItemStatus.FAILED, 0L)).isEqualTo(1L);
        assertThat(counts.getOrDefault(ItemStatus.DRAFTED, 0L)).isZero();
    }

    @Test
    void claimTurnsAReceivedItemIntoProcessing() {
        // an item handed back after a transient fault: its reason goes once it runs again
        Item item = receivedItem(anOwner(), T0).startProcessing(T0).waitingUntil(T0, "provider busy", true, T0);
        items.insert(item);
        Instant now = T0.plusSeconds(5);

        Optional<Item> claimed = items.claim(item.id(), "worker-a", now, LEASE);

        assertThat(claimed).hasValueSatisfying(taken -> {
            assertThat(taken.status()).isEqualTo(ItemStatus.PROCESSING);
            assertThat(taken.updatedAt()).isEqualTo(now);
            assertThat(taken.reason()).isEmpty();
        });
        assertThat(items.findById(item.id()).orElseThrow().status()).isEqualTo(ItemStatus.PROCESSING);
    }

    @Test
    void onlyOneOfManyConcurrentClaimsWins() throws Exception {
        Item item = receivedItem(anOwner(), T0);
        items.insert(item);
        int workers = 8;
        CyclicBarrier start = new CyclicBarrier(workers);
        List<Callable<Optional<Item>>> claims = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            String worker = "worker-" + i;
            claims.add(() -> {
                start.await();
                return items.claim(item.id(), worker, T0.plusSeconds(1), LEASE);
            });
        }

        List<Optional<Item>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            for (Future<Optional<Item>> result : pool.invokeAll(claims)) {
                results.add(result.get());
            }
        }

        assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
    }

    @Test
    void aLiveLeaseKeepsOtherWorkersOut() {
        Item item = receivedItem(anOwner(), T0);
        items.insert(item);
        items.claim(item.id(), "worker-a", T0, LEASE).orElseThrow();

        assertThat(items.claim(item.id(), "worker-b", T0.plus(LEASE).minusSeconds(1), LEASE)).isEmpty();
    }

    @Test
    void anExpiredLeaseCanBeTakenOverByAnotherWorker() {
        Item item = receivedItem(anOwner(), T0);
        items.insert(item);
        items.claim(item.id(), "worker-a", T0, LEASE).orElseThrow();
        Instant afterExpiry = T0.plus(LEASE).plusSeconds(1);

        Optional<Item> takenOver = items.claim(item.id(), "worker-b", afterExpiry, LEASE);

        assertThat(takenOver).hasValueSatisfying(taken -> assertThat(taken.status()).isEqualTo(ItemStatus.PROCESSING));
        assertThat(items.claim(item.id(), "worker-c", afterExpiry.plusSeconds(1), LEASE)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ItemStatus.class, names = {"DRAFTED", "NEEDS_REVIEW", "FAILED", "PARKED"})
    void itemsThatAreNotWaitingForWorkCannotBeClaimed(ItemStatus status) {
        Item item = receivedItem(anOwner(), T0);
        items.insert(item);
        Item processing = item.startProcessing(T0.plusSeconds(1));
        Item moved = switch (status) {
            case DRAFTED -> processing.drafted(T0.plusSeconds(2));
            case NEEDS_REVIEW -> processing.needsReview("low confidence", T0.plusSeconds(2));
            case FAILED -> processing.failed("invalid output", T0.plusSeconds(2));
            case PARKED -> processing.parked("over budget", Money.usd("0.0123"), T0.plusSeconds(2));
            default -> throw new IllegalArgumentException(status.name());
        };
        items.update(moved);

        assertThat(items.claim(item.id(), "worker-a", T0.plus(Duration.ofDays(1)), LEASE)).isEmpty();
        assertThat(items.findById(item.id()).orElseThrow().status()).isEqualTo(status);
    }

    @Test
    void aWaitingItemIsClaimedOnlyOnceItsTimeHasCome() {
        Item item = receivedItem(anOwner(), T0);
        items.insert(item);
        Item claimed = items.claim(item.id(), "worker-a", T0, LEASE).orElseThrow();
        Instant retryAt = T0.plusSeconds(20);
        items.update(claimed.waitingUntil(retryAt, "provider_unavailable: 429", true, T0.plusSeconds(1)));

        Item stored = items.findById(item.id()).orElseThrow();
        assertThat(stored.retries()).isEqualTo(1);
        assertThat(stored.nextAttemptAt()).contains(retryAt);
        assertThat(items.claim(item.id(), "worker-b", retryAt.minusMillis(1), LEASE)).as("too early").isEmpty();
        assertThat(items.claim(item.id(), "worker-b", retryAt, LEASE)).hasValueSatisfying(taken -> {
            assertThat(taken.retries()).as("the count stays with the attempt").isEqualTo(1);
            assertThat(taken.nextAttemptAt()).isEmpty();
        });
    }

    @Test
    void unattendedItemsAreTheOverdueWaitingOnesAndThoseWithAnExpiredLease() {
        Instant now = T0.plus(LEASE).plusSeconds(60);
        Item overdue = receivedItem(anOwner(), T0);
        Item fresh = receivedItem(anOwner(), now.minusSeconds(30));
        Item abandoned = receivedItem(anOwner(), T0);
        Item held = receivedItem(anOwner(), T0);
        Item retryingLater = receivedItem(anOwner(), T0);
        Item done = receivedItem(anOwner(), T0);
        for (Item item : List.of(overdue, fresh, abandoned, held, retryingLater, done)) {
            items.insert(item);
        }
        items.claim(abandoned.id(), "worker-a", T0, LEASE).orElseThrow();
        items.claim(held.id(), "worker-b", now.minusSeconds(1), LEASE).orElseThrow();
        Item claimed = items.claim(retryingLater.id(), "worker-c", T0, LEASE).orElseThrow();
        items.update(claimed.waitingUntil(now.plusSeconds(30), "provider busy", false, T0.plusSeconds(1)));
        items.update(items.claim(done.id(), "worker-d", T0, LEASE).orElseThrow().drafted(T0.plusSeconds(1)));

        List<Item> unattended = items.findUnattended(now.minusSeconds(60), now, 10);

        assertThat(unattended).extracting(Item::id).containsExactlyInAnyOrder(overdue.id(), abandoned.id());
    }

    @Test
    void onlyTheHolderRenewsItsLeaseAndStoresItsResult() {
        Item item = receivedItem(anOwner(), T0);
        items.insert(item);
        Item claimed = items.claim(item.id(), "worker-a#1", T0, LEASE).orElseThrow();

        assertThat(items.renewLease(item.id(), "worker-a#1", T0.plus(LEASE).minusSeconds(1), LEASE)).isTrue();
        assertThat(items.claim(item.id(), "worker-b#2", T0.plus(LEASE).plusSeconds(1), LEASE))
                .as("renewed: still held past the first lease").isEmpty();
        assertThat(items.renewLease(item.id(), "worker-b#2", T0, LEASE)).isFalse();
        assertThat(items.updateHeld(claimed.drafted(T0.plusSeconds(5)), "worker-b#2")).isFalse();
        assertThat(items.findById(item.id()).orElseThrow().status()).isEqualTo(ItemStatus.PROCESSING);

        assertThat(items.updateHeld(claimed.drafted(T0.plusSeconds(5)), "worker-a#1")).isTrue();
        assertThat(items.findById(item.id()).orElseThrow().status()).isEqualTo(ItemStatus.DRAFTED);
        assertThat(items.renewLease(item.id(), "worker-a#1", T0, LEASE)).as("settled: no lease to renew").isFalse();
    }

    @Test
    void everyChangeOfStateIsInTheHistoryWithTheInstanceThatMadeIt() {
        Item item = receivedItem(anOwner(), T0);
        items.insert(item);
        Item claimed = items.claim(item.id(), "worker-a#1", T0.plusSeconds(1), LEASE).orElseThrow();
        items.updateHeld(claimed.waitingUntil(T0.plusSeconds(30), "provider_unavailable: 529", true,
                T0.plusSeconds(2)), "worker-a#1");
        Item again = items.claim(item.id(), "worker-b#2", T0.plusSeconds(30), LEASE).orElseThrow();
        items.updateHeld(again.drafted(T0.plusSeconds(31)), "worker-b#2");

        assertThat(items.history(item.id())).extracting(ItemEvent::status, ItemEvent::reason, ItemEvent::instance)
                .containsExactly(
                        tuple(ItemStatus.RECEIVED, Optional.empty(), items.history(item.id()).getFirst().instance()),
                        tuple(ItemStatus.PROCESSING, Optional.empty(), "worker-a"),
                        tuple(ItemStatus.RECEIVED, Optional.of("provider_unavailable: 529"), "worker-a"),
                        tuple(ItemStatus.PROCESSING, Optional.empty(), "worker-b"),
                        tuple(ItemStatus.DRAFTED, Optional.empty(), "worker-b"));
        assertThat(items.history(item.id())).extracting(ItemEvent::at).containsExactly(T0, T0.plusSeconds(1),
                T0.plusSeconds(2), T0.plusSeconds(30), T0.plusSeconds(31));
    }

    @Test
    void anInstanceThatStopsHandsBackWhatItHoldsAndNothingElse() {
        Item mine = receivedItem(anOwner(), T0);
        Item alsoMine = receivedItem(anOwner(), T0);
        Item another = receivedItem(anOwner(), T0);
        for (Item item : List.of(mine, alsoMine, another)) {
            items.insert(item);
        }
        Item running = items.claim(mine.id(), "instance-a#1", T0, LEASE).orElseThrow();
        items.claim(alsoMine.id(), "instance-a#2", T0, LEASE).orElseThrow();
        items.claim(another.id(), "instance-ab#3", T0, LEASE).orElseThrow();

        List<Item> released = items.releaseHeldBy("instance-a", "handed_back: instance-a stopped", T0.plusSeconds(5));

        assertThat(released).extracting(Item::id).containsExactlyInAnyOrder(mine.id(), alsoMine.id());
        assertThat(items.findById(mine.id()).orElseThrow()).satisfies(item -> {
            assertThat(item.status()).isEqualTo(ItemStatus.RECEIVED);
            assertThat(item.reason()).contains("handed_back: instance-a stopped");
        });
        assertThat(items.findById(another.id()).orElseThrow().status()).isEqualTo(ItemStatus.PROCESSING);
        assertThat(items.updateHeld(running.drafted(T0.plusSeconds(6)), "instance-a#1")).as("fenced out").isFalse();
        assertThat(items.claim(mine.id(), "instance-b#4", T0.plusSeconds(6), LEASE)).as("taken at once").isPresent();
    }

    @Test
    void aHolderWhoseLeaseWasTakenOverStoresNothing() {
        Item item = receivedItem(anOwner(), T0);
        items.insert(item);
        Item stale = items.claim(item.id(), "worker-a#1", T0, LEASE).orElseThrow();
        Item current = items.claim(item.id(), "worker-b#2", T0.plus(LEASE).plusSeconds(1), LEASE).orElseThrow();

        assertThat(items.updateHeld(stale.failed("late", T0.plus(LEASE).plusSeconds(2)), "worker-a#1")).isFalse();
        assertThat(items.updateHeld(current.drafted(T0.plus(LEASE).plusSeconds(3)), "worker-b#2")).isTrue();
        assertThat(items.findById(item.id()).orElseThrow().status()).isEqualTo(ItemStatus.DRAFTED);
    }

    @Test
    void claimingAnUnknownItemFindsNothing() {
        assertThat(items.claim(ItemId.random(), "worker-a", T0, LEASE)).isEmpty();
    }
}
