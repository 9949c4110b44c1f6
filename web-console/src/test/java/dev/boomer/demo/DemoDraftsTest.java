package dev.boomer.demo;

import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemQuery;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.listing.ListingDraft;
import dev.boomer.domain.listing.ListingRepository;
import dev.boomer.domain.market.PriceKind;
import dev.boomer.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a new user sees first: every demo sample is recognised as what its photos show, in its real eBay
 * leaf category, priced from simulated listings of its kind, and passes the listing rules.
 */
class DemoDraftsTest {

    private static final Map<String, String> EXPECTED = Map.of(
            "CAM-001", "15230 Canon AE-1 Program 35mm Film SLR Camera Body",
            "SNK-014", "15709 Nike Air Max 90 Men's Running Sneakers White Size 10",
            "BK-203", "261186 Nineteen Eighty-Four by George Orwell, Penguin Modern Classics Paperback Book",
            "MUG-007", "20695 Le Creuset Stoneware Coffee Mug 350 ml Volcanic Orange",
            "GB-042", "139971 Nintendo Game Boy Color Handheld Console Atomic Purple CGB-001",
            "WT-310", "31387 Seiko 5 SNK809 Automatic Men's Watch 37 mm Black Dial Canvas Strap");

    @Test
    void everySampleIsDraftedAsWhatItShowsInItsLeafCategory() {
        Map<String, Object> properties = new HashMap<>(TestApp.properties());
        properties.put("boomer.demo.enabled", "true");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            ItemRepository items = context.getBean(ItemRepository.class);
            ListingRepository listings = context.getBean(ListingRepository.class);

            List<Item> settled = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> items.find(ItemQuery.all(50)), all -> all.size() == EXPECTED.size()
                            && all.stream().allMatch(item -> item.status().isSettled()));

            assertThat(settled).allSatisfy(item -> assertThat(item.status()).as(item.sku() + " " + item.reason())
                    .isEqualTo(ItemStatus.DRAFTED));
            Map<String, ListingDraft> drafts = settled.stream().collect(Collectors.toMap(
                    item -> item.sku().orElseThrow(), item -> listings.findByItem(item.id()).orElseThrow()));
            assertThat(drafts).allSatisfy((sku, draft) -> {
                assertThat(draft.categoryId() + " " + draft.title()).isEqualTo(EXPECTED.get(sku));
                assertThat(draft.evidence().kind()).isEqualTo(PriceKind.SIMULATED);
                assertThat(draft.itemSpecifics()).containsKey(sku.equals("BK-203") ? "Author" : "Brand");
            });
            assertThat(drafts.get("CAM-001").price().amount()).as("a film camera, not a mug")
                    .isGreaterThan(drafts.get("MUG-007").price().amount());
        }
    }
}
