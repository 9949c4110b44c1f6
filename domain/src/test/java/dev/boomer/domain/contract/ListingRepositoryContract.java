package dev.boomer.domain.contract;

import static dev.boomer.domain.contract.Samples.T0;
import static dev.boomer.domain.contract.Samples.listing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.listing.ListingDraft;
import dev.boomer.domain.listing.ListingRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ListingRepository} does. */
public abstract class ListingRepositoryContract {

    private ListingRepository listings;

    protected abstract ListingRepository createRepository();

    /** An item the repository accepts drafts for; stores with referential integrity create it first. */
    protected ItemId anItem() {
        return ItemId.random();
    }

    @BeforeEach
    void createListings() {
        listings = createRepository();
    }

    @Test
    void aSavedDraftIsFoundWithEveryDetailOfItsPriceEvidence() {
        ListingDraft draft = listing(anItem(), "Nikon F3 35mm SLR Film Camera Body - Tested", "245.00");

        listings.save(draft);

        assertThat(listings.findByItem(draft.item())).contains(draft);
    }

    @Test
    void savingAgainReplacesTheItemsDraft() {
        ItemId item = anItem();
        listings.save(listing(item, "First title", "100"));
        ListingDraft edited = listing(item, "Edited title", "119.99");

        listings.save(edited);

        assertThat(listings.findByItem(item)).contains(edited);
    }

    @Test
    void draftsPricedBeforeACutoffAreFoundOldestFirst() {
        ListingDraft old = listing(anItem(), "Old", "100");
        ListingDraft older = listing(anItem(), "Older", "100");
        ListingDraft fresh = listing(anItem(), "Fresh", "100");
        listings.save(old.repriced(old.price(), old.evidence(), old.confidence(), T0.minusSeconds(3_600)));
        listings.save(older.repriced(older.price(), older.evidence(), older.confidence(), T0.minusSeconds(7_200)));
        listings.save(fresh.repriced(fresh.price(), fresh.evidence(), fresh.confidence(), T0.plusSeconds(60)));

        assertThat(listings.pricedBefore(T0, 10)).containsExactly(older.item(), old.item());
        assertThat(listings.pricedBefore(T0, 1)).containsExactly(older.item());
    }

    @Test
    void anItemWithoutDraftHasNone() {
        assertThat(listings.findByItem(ItemId.random())).isEmpty();
    }
}
