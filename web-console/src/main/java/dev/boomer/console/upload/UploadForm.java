package dev.boomer.console.upload;

import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.Priority;
import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;
import java.util.List;

/** The upload form as printed: the choices, what was entered, and why the last try was refused. */
record UploadForm(List<String> priorities, String priority, String sku, int maxPhotos, int maxSkuLength,
                  @Nullable String error, @Nullable String errorCode) {

    static UploadForm empty() {
        return new UploadForm(priorityNames(), Priority.NORMAL.name(), "", Item.MAX_PHOTOS, Item.MAX_SKU_LENGTH,
                null, null);
    }

    static UploadForm refused(String priority, String sku, String errorCode, String error) {
        return new UploadForm(priorityNames(), priority, sku, Item.MAX_PHOTOS, Item.MAX_SKU_LENGTH, error, errorCode);
    }

    private static List<String> priorityNames() {
        return Arrays.stream(Priority.values()).map(Enum::name).toList();
    }
}
