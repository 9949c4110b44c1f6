package dev.boomer.domain.listing;

import dev.boomer.domain.item.ItemId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** At most one draft per item; saving again replaces it. */
public interface ListingRepository {

    void save(ListingDraft draft);

    Optional<ListingDraft> findByItem(ItemId item);

    /** Items whose draft was made or last priced before the cutoff, oldest first, at most {@code limit}. */
    List<ItemId> pricedBefore(Instant cutoff, int limit);
}
