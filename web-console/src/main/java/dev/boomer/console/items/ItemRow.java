package dev.boomer.console.items;

import dev.boomer.application.items.ItemSummary;
import dev.boomer.console.layout.Formats;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.listing.ListingDraft;

import java.util.Objects;

/** One line of the items table, ready to print. */
record ItemRow(String id, String url, String thumbnailUrl, int photoCount, StatusBadge status, String title,
               boolean drafted, String price, String cost, String costExact, String createdAt,
               String createdAtIso, String priority, String sku) {

    ItemRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(title, "title");
    }

    static ItemRow of(ItemSummary summary) {
        Item item = summary.item();
        String id = item.id().toString();
        String title = summary.listing().map(ListingDraft::title)
                .orElseGet(() -> item.sku().map(sku -> "SKU " + sku).orElse("Item " + id.substring(0, 8)));
        return new ItemRow(id, "/items/" + id, "/photos/" + item.photos().getFirst().hash().hex(),
                item.photos().size(), StatusBadge.of(item.status()), title, summary.listing().isPresent(),
                summary.listing().map(draft -> Formats.price(draft.price())).orElse("—"),
                Formats.cost(summary.totalCost()), Formats.exact(summary.totalCost()),
                Formats.time(item.createdAt()), Formats.iso(item.createdAt()), item.priority().name(),
                item.sku().orElse(""));
    }
}
