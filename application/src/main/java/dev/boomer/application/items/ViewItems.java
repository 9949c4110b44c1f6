package dev.boomer.application.items;

import dev.boomer.domain.cost.CostLedger;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemQuery;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.listing.ListingRepository;
import dev.boomer.domain.vision.AnalysisRepository;

import java.util.List;
import java.util.Optional;

/** Reads items for a viewer, enforcing that people see only what they may. */
public final class ViewItems {

    private final ItemRepository items;
    private final AnalysisRepository analyses;
    private final ListingRepository listings;
    private final CostLedger ledger;

    public ViewItems(ItemRepository items, AnalysisRepository analyses, ListingRepository listings,
                     CostLedger ledger) {
        this.items = items;
        this.analyses = analyses;
        this.listings = listings;
        this.ledger = ledger;
    }

    /** @throws ItemNotFound when there is no such item or the viewer may not see it */
    public ItemDetails details(Viewer viewer, ItemId id) {
        Item item = visibleItem(viewer, id);
        return new ItemDetails(item, analyses.findByItem(id), listings.findByItem(id), ledger.entriesFor(id),
                ledger.totalFor(id), items.history(id));
    }

    /** @throws ItemNotFound when there is no such item or the viewer may not see it */
    public Item item(Viewer viewer, ItemId id) {
        return visibleItem(viewer, id);
    }

    /** A page of items; a viewer who does not see everyone gets only their own, whatever the query says. */
    public List<ItemSummary> list(Viewer viewer, ItemQuery query) {
        ItemQuery allowed = viewer.seesEveryone() ? query
                : new ItemQuery(Optional.of(viewer.user()), query.status(), query.limit(), query.offset());
        return items.find(allowed).stream()
                .map(item -> new ItemSummary(item, listings.findByItem(item.id()), ledger.totalFor(item.id())))
                .toList();
    }

    private Item visibleItem(Viewer viewer, ItemId id) {
        return items.findById(id).filter(viewer::canSee).orElseThrow(() -> new ItemNotFound(id));
    }
}
