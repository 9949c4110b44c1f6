package dev.boomer.application.processing;

import dev.boomer.domain.fixtures.FakeMarketData;
import dev.boomer.domain.fixtures.InMemoryAnalysisRepository;
import dev.boomer.domain.fixtures.InMemoryCache;
import dev.boomer.domain.fixtures.InMemoryItemRepository;
import dev.boomer.domain.fixtures.InMemoryListingRepository;
import dev.boomer.domain.fixtures.MutableClock;
import dev.boomer.domain.item.Condition;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.listing.ListingComposer;
import dev.boomer.domain.listing.ListingDraft;
import dev.boomer.domain.listing.ListingForm;
import dev.boomer.domain.listing.PricingPolicy;
import dev.boomer.domain.market.MarketData;
import dev.boomer.domain.market.PriceHistory;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.Photo;
import dev.boomer.domain.provider.ProviderUnavailable;
import dev.boomer.domain.taxonomy.Category;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.vision.ItemAnalysis;
import dev.boomer.domain.vision.ModelCall;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.vision.VisionAnalysis;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RepriceStaleDraftsTest {

    private static final ProcessingSettings SETTINGS = new ProcessingSettings("w", Duration.ofMinutes(2), "p", 0.6,
            0.5, Currency.getInstance("USD"), RetryPolicy.DEFAULT, Duration.ofSeconds(30), PricingPolicy.DEFAULT);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final InMemoryItemRepository items = new InMemoryItemRepository();
    private final InMemoryAnalysisRepository analyses = new InMemoryAnalysisRepository();
    private final InMemoryListingRepository listings = new InMemoryListingRepository();

    @Test
    void draftsPricedLongerAgoThanTheAgeAreQuotedAgainAndKeepEverythingButTheirPrice() {
        ItemId old = drafted("20");
        clock.advance(Duration.ofDays(6));
        ItemId recent = drafted("20");
        clock.advance(Duration.ofDays(2)); // the first is 8 days old, the second 2

        RepriceStaleDrafts.Result result = repricer(new FakeMarketData("market", "40", "50", "60"))
                .repriceOlderThan(Duration.ofDays(7), 100);

        assertThat(result).isEqualTo(new RepriceStaleDrafts.Result(1, 0, 0));
        ListingDraft repriced = listings.findByItem(old).orElseThrow();
        assertThat(repriced.price()).isEqualTo(Money.usd("50.00"));
        assertThat(repriced.evidence().median()).isEqualTo(Money.usd("50.00"));
        assertThat(repriced.createdAt()).isEqualTo(clock.instant());
        assertThat(repriced.title()).isEqualTo("Canon AE-1 Program Film Camera");
        assertThat(repriced.categoryId()).isEqualTo("15230");
        assertThat(listings.findByItem(recent).orElseThrow().price()).isEqualTo(Money.usd("20.00"));
    }

    @Test
    void aMarketWithNoPriceNowOrDownLeavesThePriceAsItIs() {
        ItemId item = drafted("20");
        clock.advance(Duration.ofDays(8));

        RepriceStaleDrafts.Result nothing = repricer(new FakeMarketData("market")).repriceOlderThan(Duration.ofDays(7), 10);
        RepriceStaleDrafts.Result down = repricer(new FakeMarketData("market", "99").down(
                new ProviderUnavailable("ebay", "server_error", "500", Optional.empty())))
                .repriceOlderThan(Duration.ofDays(7), 10);

        assertThat(nothing).isEqualTo(new RepriceStaleDrafts.Result(0, 1, 0));
        assertThat(down).isEqualTo(new RepriceStaleDrafts.Result(0, 1, 0));
        assertThat(listings.findByItem(item).orElseThrow().price()).isEqualTo(Money.usd("20.00"));
    }

    @Test
    void anItemBeingProcessedAgainIsLeftToItsRun() {
        ItemId item = drafted("20");
        items.update(items.findById(item).orElseThrow().requeued(clock.instant()));
        clock.advance(Duration.ofDays(8));

        RepriceStaleDrafts.Result result = repricer(new FakeMarketData("market", "40")).repriceOlderThan(
                Duration.ofDays(7), 10);

        assertThat(result).isEqualTo(new RepriceStaleDrafts.Result(0, 0, 1));
        assertThat(listings.findByItem(item).orElseThrow().price()).isEqualTo(Money.usd("20.00"));
    }

    private RepriceStaleDrafts repricer(MarketData source) {
        return new RepriceStaleDrafts(items, analyses, listings, List.of(source), PriceHistory.NONE,
                new InMemoryCache(), clock, SETTINGS);
    }

    /** A drafted item priced at that median now. */
    private ItemId drafted(String median) {
        Instant now = clock.instant();
        Item item = Item.received(ItemId.random(), UserId.random(), Priority.NORMAL, Optional.empty(),
                List.of(new Photo(ContentHash.of(new byte[]{1}), "image/jpeg", 10, 10, 1)), now)
                .startProcessing(now).drafted(now);
        items.insert(item);
        VisionAnalysis seen = new VisionAnalysis("Canon", "AE-1 Program", "Cameras", Condition.USED_GOOD,
                "Canon AE-1 Program Film Camera", "Light wear.", "canon ae-1", Optional.empty(),
                Map.of("Type", "SLR"), 0.9);
        analyses.save(new ItemAnalysis(item.id(), seen, new ModelCall("fake", "fake-fast", Tier.FAST,
                new Usage(1_000, 300, 0, 0, 1), Duration.ZERO), false, now));
        var quote = new FakeMarketData("market", median).quote(dev.boomer.domain.market.MarketQuery.forItem(seen,
                SETTINGS.currency())).orElseThrow();
        listings.save(ListingComposer.compose(item.id(), seen, quote, PricingPolicy.DEFAULT,
                ListingForm.of(new Category("15230", "Cameras & Photo > Film Photography > Film Cameras")), now));
        return item.id();
    }
}
