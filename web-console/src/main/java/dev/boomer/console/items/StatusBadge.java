package dev.boomer.console.items;

import dev.boomer.domain.item.ItemStatus;

import java.util.Locale;

/** An item status as a coloured badge: its name, a label for people and a CSS class. */
public record StatusBadge(String name, String label, String cssClass, boolean active) {

    public static StatusBadge of(ItemStatus status) {
        String label = switch (status) {
            case RECEIVED -> "Received";
            case PROCESSING -> "Processing";
            case DRAFTED -> "Drafted";
            case NEEDS_REVIEW -> "Needs review";
            case PARKED -> "Parked";
            case FAILED -> "Failed";
        };
        return new StatusBadge(status.name(), label, "badge badge-" + status.name().toLowerCase(Locale.ROOT)
                .replace('_', '-'), isActive(status));
    }

    /** The pipeline is still working on an item in this status: pages showing it keep refreshing. */
    public static boolean isActive(ItemStatus status) {
        return status == ItemStatus.RECEIVED || status == ItemStatus.PROCESSING;
    }
}
