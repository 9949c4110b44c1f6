package dev.boomer.application.items;

import dev.boomer.domain.cost.CostEntry;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemEvent;
import dev.boomer.domain.listing.ListingDraft;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.vision.ItemAnalysis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Everything known about one item: its state and history, analysis, draft and what it cost. */
public record ItemDetails(
        Item item, Optional<ItemAnalysis> analysis, Optional<ListingDraft> listing, List<CostEntry> costs,
        Money totalCost, List<ItemEvent> history) {
    public ItemDetails {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(listing, "listing");
        Objects.requireNonNull(totalCost, "totalCost");
        costs = List.copyOf(costs);
        history = List.copyOf(history);
    }
}
