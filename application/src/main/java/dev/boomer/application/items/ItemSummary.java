package dev.boomer.application.items;

import dev.boomer.domain.item.Item;
import dev.boomer.domain.listing.ListingDraft;
import dev.boomer.domain.money.Money;

import java.util.Objects;
import java.util.Optional;

/** One row of an item list: the item, its draft if any, and its cost so far. */
public record ItemSummary(Item item, Optional<ListingDraft> listing, Money totalCost) {
    public ItemSummary {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(listing, "listing");
        Objects.requireNonNull(totalCost, "totalCost");
    }
}
