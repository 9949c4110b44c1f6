package dev.boomer.domain.vision;

import dev.boomer.domain.item.Condition;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a vision model saw in an item's photos, validated.
 *
 * @param confidence      how sure the model is of the item as a whole: the least sure of its key fields
 * @param fieldConfidence the model's own confidence per field ("brand", "model", ...), each within 0..1
 */
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
        double confidence,
        Map<String, Double> fieldConfidence) {

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
        fieldConfidence = fieldConfidence == null ? Map.of() : Map.copyOf(fieldConfidence);
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

    /** An analysis with one overall confidence and none per field (simulated answers, older rows). */
    public VisionAnalysis(String brand, String model, String category, Condition condition, String title,
                          String description, String searchQuery, Optional<String> gtin,
                          Map<String, String> itemSpecifics, double confidence) {
        this(brand, model, category, condition, title, description, searchQuery, gtin, itemSpecifics, confidence,
                Map.of());
    }

    public VisionAnalysis withGtin(String barcode) {
        return new VisionAnalysis(brand, model, category, condition, title, description, searchQuery,
                Optional.of(barcode), itemSpecifics, confidence, fieldConfidence);
    }
}
