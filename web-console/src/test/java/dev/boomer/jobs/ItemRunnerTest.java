package dev.boomer.jobs;

import dev.boomer.domain.listing.PricingPolicy;
import dev.boomer.application.processing.AnalysePhotos;
import dev.boomer.application.processing.AnalysisListener;
import dev.boomer.application.processing.ProcessItem;
import dev.boomer.application.processing.ProcessOutcome;
import dev.boomer.application.processing.ProcessingSettings;
import dev.boomer.application.processing.RetryPolicy;
import dev.boomer.application.processing.Spending;
import dev.boomer.domain.cost.ModelPrice;
import dev.boomer.domain.cost.PriceTable;
import dev.boomer.domain.fixtures.FakeMarketData;
import dev.boomer.domain.fixtures.FakeTaxonomy;
import dev.boomer.domain.market.PriceHistory;
import dev.boomer.domain.fixtures.FakePhotoInspector;
import dev.boomer.domain.fixtures.FakeVisionModel;
import dev.boomer.domain.fixtures.InMemoryAnalysisRepository;
import dev.boomer.domain.fixtures.InMemoryCache;
import dev.boomer.domain.fixtures.InMemoryCostLedger;
import dev.boomer.domain.fixtures.InMemoryItemRepository;
import dev.boomer.domain.fixtures.InMemoryListingRepository;
import dev.boomer.domain.fixtures.InMemoryPhotoStore;
import dev.boomer.domain.fixtures.RecordingBudgets;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.NormalizedPhoto;
import dev.boomer.domain.photo.Photo;
import dev.boomer.domain.security.Redactor;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.vision.VisionModel;
import dev.boomer.domain.vision.VisionRequest;
import dev.boomer.domain.vision.VisionResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A durable job that finds its item already running in this instance waits for that run instead of failing. */
class ItemRunnerTest {

    @Test
    void aSecondRunOfAnItemInFlightHereSharesTheFirstRunsOutcome() throws Exception {
        CountDownLatch inVision = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FakeVisionModel fake = new FakeVisionModel();
        VisionModel vision = new VisionModel() {
            @Override
            public String provider() {
                return fake.provider();
            }

            @Override
            public String modelFor(Tier tier) {
                return fake.modelFor(tier);
            }

            @Override
            public VisionResult analyze(VisionRequest request) {
                inVision.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return fake.analyze(request);
            }

            @Override
            public Usage worstCase(VisionRequest request) {
                return fake.worstCase(request);
            }
        };
        InMemoryItemRepository items = new InMemoryItemRepository();
        InMemoryPhotoStore photos = new InMemoryPhotoStore();
        Clock clock = Clock.systemUTC();
        ProcessingSettings settings = new ProcessingSettings("w", Duration.ofMinutes(2), "p", 0.6, 0.5,
                Currency.getInstance("USD"), RetryPolicy.DEFAULT, Duration.ofSeconds(30), PricingPolicy.DEFAULT);
        PriceTable prices = new PriceTable(Map.of(FakeVisionModel.FAST_MODEL, ModelPrice.of("1", "5", "1", "0.1"),
                FakeVisionModel.SMART_MODEL, ModelPrice.of("3", "15", "3", "0.3")));
        InMemoryCache cache = new InMemoryCache();
        AnalysePhotos analyser = new AnalysePhotos(vision, photos, new FakePhotoInspector(), cache,
                new Spending(new RecordingBudgets(), new InMemoryCostLedger(), prices, clock), clock, settings,
                AnalysisListener.NONE);
        ItemRunner runner = new ItemRunner(new ProcessItem(items, new InMemoryAnalysisRepository(),
                new InMemoryListingRepository(), analyser, List.of(new FakeMarketData("m", "10")), PriceHistory.NONE,
                Optional.empty(),
                FakeTaxonomy.filmCameras(), cache, clock,
                settings, Redactor.shapesOnly()), new SimpleMeterRegistry());
        byte[] bytes = {1, 2, 3};
        Photo photo = new Photo(ContentHash.of(bytes), "image/jpeg", 100, 80, bytes.length);
        photos.put(new NormalizedPhoto(photo, bytes));
        Item item = Item.received(ItemId.random(), UserId.random(), Priority.NORMAL, Optional.empty(),
                List.of(photo), clock.instant());
        items.insert(item);

        CompletableFuture<ProcessOutcome> instantStart = CompletableFuture.supplyAsync(() -> runner.run(item.id()));
        assertThat(inVision.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<ProcessOutcome> durableJob = new CompletableFuture<>();
        Thread durable = new Thread(() -> durableJob.complete(runner.run(item.id())));
        durable.start();
        // until the durable run is parked on the instant start's outcome
        await().atMost(Duration.ofSeconds(10)).until(() -> durable.getState() == Thread.State.WAITING);
        release.countDown();

        assertThat(durableJob.get(10, TimeUnit.SECONDS)).isInstanceOf(ProcessOutcome.Drafted.class)
                .isSameAs(instantStart.get(10, TimeUnit.SECONDS));
        assertThat(fake.calls(Tier.FAST)).isEqualTo(1);
    }
}
