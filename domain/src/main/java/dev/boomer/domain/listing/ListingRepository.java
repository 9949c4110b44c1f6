package dev.boomer.domain.listing;

import dev.boomer.domain.item.ItemId;

import java.util.Optional;

/** At most one draft per item; saving again replaces it. */
public interface ListingRepository {

    void save(ListingDraft draft);

    Optional<ListingDraft> findByItem(ItemId item);
}
