package dev.boomer.application.items;

import dev.boomer.domain.item.ItemId;

/** No such item, or not one the viewer may see (the two look the same from outside). */
public final class ItemNotFound extends RuntimeException {
    private final ItemId item;

    public ItemNotFound(ItemId item) {
        super("item " + item + " not found");
        this.item = item;
    }

    public ItemId item() {
        return item;
    }
}
