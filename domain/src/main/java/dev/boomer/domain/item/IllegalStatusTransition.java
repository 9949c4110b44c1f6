package dev.boomer.domain.item;

public final class IllegalStatusTransition extends RuntimeException {
    private final ItemId item;
    private final ItemStatus from;
    private final ItemStatus to;

    public IllegalStatusTransition(ItemId item, ItemStatus from, ItemStatus to) {
        super("item " + item + " cannot move from " + from + " to " + to);
        this.item = item;
        this.from = from;
        this.to = to;
    }

    public ItemId item() {
        return item;
    }

    public ItemStatus from() {
        return from;
    }

    public ItemStatus to() {
        return to;
    }
}
