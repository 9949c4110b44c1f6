package dev.boomer.domain.contract;

import dev.boomer.domain.cost.CostEntry;
import dev.boomer.domain.cost.CostKey;
import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.item.Condition;
import dev.boomer.domain.listing.ListingDraft;
import dev.boomer.domain.listing.PriceEvidence;
import dev.boomer.domain.listing.PricingPolicy;
import dev.boomer.domain.market.ComparableSale;
import dev.boomer.domain.market.OutlierRule;
import dev.boomer.domain.market.PriceKind;
import dev.boomer.domain.market.PriceSource;
import dev.boomer.domain.market.Screening;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.NormalizedPhoto;
import dev.boomer.domain.photo.Photo;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.User;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.vision.ItemAnalysis;
import dev.boomer.domain.vision.ModelCall;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.VisionAnalysis;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Realistic values for the contract tests. Instants are whole seconds because stores may keep only
 * microseconds.
 */
final class Samples {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private Samples() {
    }

    static NormalizedPhoto photo(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new NormalizedPhoto(new Photo(ContentHash.of(bytes), "image/jpeg", 1600, 1200, bytes.length), bytes);
    }

    static Item receivedItem(UserId owner, Instant at) {
        return Item.received(ItemId.random(), owner, Priority.NORMAL, Optional.of("SKU-" + at.getEpochSecond()),
                List.of(photo("front of " + at).photo(), photo("back of " + at).photo()), at);
    }

    static User user(String username) {
        return new User(UserId.random(), username, Role.OPERATOR, ZoneId.of("Europe/Berlin"), T0);
    }

    static VisionAnalysis visionAnalysis() {
        return new VisionAnalysis("Nikon", "F3", "Film Cameras", Condition.USED_VERY_GOOD,
                "Nikon F3 35mm SLR film camera body, tested", "Classic pro body; light meter works.",
                "nikon f3 body", Optional.of("0018208012345"), Map.of("Brand", "Nikon", "Model", "F3"), 0.87);
    }

    static ItemAnalysis itemAnalysis(ItemId item) {
        ModelCall call = new ModelCall("anthropic", "claude-haiku", Tier.FAST,
                new Usage(1_834, 412, 0, 2_048, 3), Duration.ofMillis(2_345));
        return new ItemAnalysis(item, visionAnalysis(), call, false, T0);
    }

    static ListingDraft listing(ItemId item, String title, String price) {
        Money median = Money.usd("245.00");
        PriceEvidence evidence = new PriceEvidence(PriceSource.EBAY, PriceKind.ACTIVE_ASKING, "gtin 0018208012345",
                2, median, Money.usd("199.99"), Money.usd("289.5"), List.of(
                        new ComparableSale("Nikon F3 body", Money.usd("199.99"), Money.usd("12.50"),
                                Condition.USED_GOOD, "https://www.ebay.com/itm/1", Optional.of(T0.minusSeconds(86_400))),
                        new ComparableSale("Nikon F3 HP", Money.usd("289.50"), Condition.USED_EXCELLENT,
                                "https://www.ebay.com/itm/2")),
                new Screening(OutlierRule.RULE, 3, 2), PricingPolicy.DEFAULT.describe(PriceKind.ACTIVE_ASKING));
        return new ListingDraft(item, title, "Tested, works.", "Cameras & Photo > Film Photography > Film Cameras",
                "15230", Condition.USED_VERY_GOOD,
                Map.of("Brand", "Nikon", "Type", "SLR"), Money.usd(price), evidence, 0.82, T0);
    }

    static CostEntry cost(ItemId item, String step, int attempt, String usd, Instant at) {
        return cost(new UserId(UUID.randomUUID()), item, step, attempt, usd, at);
    }

    static CostEntry cost(UserId user, ItemId item, String step, int attempt, String usd, Instant at) {
        return new CostEntry(new CostKey(item, step, attempt), user, "anthropic",
                "claude-haiku", Tier.FAST, new Usage(1_200, 300, 0, 0, 2), Money.usd(usd), at);
    }
}
