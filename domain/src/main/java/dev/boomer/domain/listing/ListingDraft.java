package dev.boomer.domain.listing;

import dev.boomer.domain.item.Condition;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.money.Money;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A listing ready for a person to check and post, within eBay's constraints.
 *
 * @param category   the leaf category's path in names ("Cameras & Photo > Film Photography > Film Cameras")
 * @param categoryId the leaf category's id; blank in drafts made before categories came from the taxonomy
 */
public record ListingDraft(
        ItemId item,
        String title,
        String description,
        String category,
        String categoryId,
        Condition condition,
        Map<String, String> itemSpecifics,
        Money price,
        PriceEvidence evidence,
        double confidence,
        Instant createdAt) {

    /** eBay's limit on listing titles. */
    public static final int MAX_TITLE_LENGTH = 80;

    public ListingDraft {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(category, "category");
        categoryId = categoryId == null ? "" : categoryId;
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(createdAt, "createdAt");
        itemSpecifics = Map.copyOf(itemSpecifics);
        if (title.isBlank() || title.length() > MAX_TITLE_LENGTH) {
            throw new IllegalArgumentException("title must be 1.." + MAX_TITLE_LENGTH + " characters, not "
                    + title.length() + ": '" + title + "'");
        }
        if (!price.isPositive()) {
            throw new IllegalArgumentException("price must be positive, not " + price);
        }
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be within 0..1, not " + confidence);
        }
    }

    /** The same draft priced again: a new price, its evidence and confidence, as of {@code at}. */
    public ListingDraft repriced(Money newPrice, PriceEvidence newEvidence, double newConfidence, Instant at) {
        return new ListingDraft(item, title, description, category, categoryId, condition, itemSpecifics, newPrice,
                newEvidence, newConfidence, at);
    }
}
