package dev.boomer.console.items;

import java.util.List;

/**
 * The items table: a page of rows, the status filter, and whether the table refreshes itself (only while
 * the pipeline still works on something the table shows or could show).
 */
record ItemsPage(List<ItemRow> rows, String status, List<StatusBadge> statuses, boolean live, String selfUrl,
                 int page, String newerUrl, String olderUrl) {

    ItemsPage {
        rows = List.copyOf(rows);
        statuses = List.copyOf(statuses);
    }
}
