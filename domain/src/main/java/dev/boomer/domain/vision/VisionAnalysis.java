package dev.boomer.domain.vision;

import dev.boomer.domain.item.Condition;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What a vision model saw in an item's photos, validated. */
public record VisionAnalysis(
        String brand,
        String model,
        String category,
        Condition condition,
        String title,
        String description,
        String searchQuery,
        Optional<String> gtin,
        Map<String, String> itemSpecifics,
        double confidence) {

    public VisionAnalysis {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(searchQuery, "searchQuery");
        Objects.requireNonNull(gtin, "gtin");
        itemSpecifics = Map.copyOf(itemSpecifics);
        if (title.isBlank()) {
            throw new IllegalArgumentException("title must not be blank");
        }
        if (searchQuery.isBlank()) {
            throw new IllegalArgumentException("searchQuery must not be blank");
        }
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be within 0..1, not " + confidence);
        }
    }
}
