package dev.boomer.console;

import dev.boomer.application.users.CreateUser;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.Condition;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.listing.ListingDraft;
import dev.boomer.domain.listing.ListingRepository;
import dev.boomer.domain.listing.PriceEvidence;
import dev.boomer.domain.listing.PricingPolicy;
import dev.boomer.domain.market.MarketQuote;
import dev.boomer.domain.market.PriceKind;
import dev.boomer.domain.market.PriceSource;
import dev.boomer.domain.market.ProductMatch;
import dev.boomer.domain.vision.AnalysisRepository;
import dev.boomer.domain.vision.ItemAnalysis;
import dev.boomer.domain.vision.ModelCall;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.market.Screening;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.Photo;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.User;
import dev.boomer.domain.vision.AnalysisRepository;
import dev.boomer.domain.vision.ItemAnalysis;
import dev.boomer.domain.vision.ModelCall;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.vision.VisionAnalysis;
import dev.boomer.testing.TestPhotos;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ItemPagesTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    CreateUser createUser;

    @Inject
    ItemRepository items;

    @Inject
    ListingRepository listings;

    @Inject
    AnalysisRepository analyses;

    private ConsoleClient browser;
    private UserId operatorId;

    @Override
    public Map<String, String> getProperties() {
        return ConsoleTestApp.properties();
    }

    @BeforeAll
    void signIn() {
        User operator = ConsoleTestApp.user(createUser, Role.OPERATOR);
        operatorId = operator.id();
        browser = new ConsoleClient(http);
        browser.login(operator.username(), ConsoleTestApp.PASSWORD);
    }

    @Test
    void aDraftPricedByTheAiEstimateSaysSoAndWhose() {
        Instant now = Instant.now();
        Item item = Item.received(ItemId.random(), operatorId, Priority.NORMAL, Optional.empty(),
                List.of(new Photo(ContentHash.of(new byte[]{7}), "image/jpeg", 10, 10, 1)), now)
                .startProcessing(now).needsReview("price_estimated: no market source had a price", now);
        items.insert(item);
        Money median = Money.usd("40");
        MarketQuote estimate = new MarketQuote(PriceSource.AI_ESTIMATE, PriceKind.AI_ESTIMATE,
                "an estimate by claude-haiku-4-5 for 'canon ae-1'", List.of(), median, Money.usd("30"),
                Money.usd("55"), 0, Screening.none(0), now);
        listings.save(new ListingDraft(item.id(), "Canon AE-1 Film Camera", "A camera.", "Film Cameras", "15230",
                Condition.USED_GOOD, Map.of(), median, PriceEvidence.of(estimate, PricingPolicy.DEFAULT), 0.6, now));

        String page = browser.get("/items/" + item.id()).body();

        assertThat(page).contains("No market data: this price is an AI estimate.", "an AI estimate, no market data",
                "(an estimate by claude-haiku-4-5 for &#39;canon ae-1&#39;)").doesNotContain("found by");
    }

    @Test
    void anAnalysisNamedByABarcodesListingsSaysSo() {
        Instant now = Instant.now();
        Item item = Item.received(ItemId.random(), operatorId, Priority.NORMAL, Optional.empty(),
                List.of(new Photo(ContentHash.of(new byte[]{8}), "image/jpeg", 10, 10, 1)), now);
        items.insert(item);
        VisionAnalysis seen = new VisionAnalysis("Nikkon", "F3", "Cameras", Condition.USED_GOOD, "Old camera",
                "A camera.", "old camera", Optional.of("0018208012345"), Map.of(), 0.4);
        analyses.save(new ItemAnalysis(item.id(), seen, new ModelCall("anthropic", "claude-haiku-4-5", Tier.FAST,
                new Usage(1_000, 300, 0, 0, 1), Duration.ofMillis(800)), false, now).identifiedAs(seen,
                new ProductMatch(PriceSource.EBAY, "0018208012345", "Nikon F3 Body", Optional.of("Nikon"), 4).describe()));

        String page = browser.get("/items/" + item.id()).body();

        assertThat(page).contains("Identified by",
                "barcode 0018208012345 found in 4 EBAY listings (brand Nikon): &#39;Nikon F3 Body&#39;");
    }

    @Test
    void uploadCreatesAnItemAndOpensItsPageWhichFillsInAsItProcesses() {
        HttpResponse<String> created = upload(MultipartBody.builder()
                .addPart("photos", "front.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(61, 1200, 900))
                .addPart("photos", "back.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(62, 800, 600))
                .addPart("priority", "URGENT").addPart("sku", "SHELF-7").build());

        assertThat(created.code()).isEqualTo(303);
        String itemUrl = created.header("Location");
        assertThat(itemUrl).matches("/items/[0-9a-f-]{36}");
        ItemId id = ItemId.parse(itemUrl.substring("/items/".length()));
        await().atMost(Duration.ofSeconds(30)).until(() -> items.findById(id).orElseThrow().status().isSettled());

        HttpResponse<String> page = browser.get(itemUrl);
        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body()).contains("<nav class=\"nav\"", "id=\"item-detail\"", "Listing draft", "Price evidence",
                        "Analysis", "Answered by", "SHELF-7", "URGENT", "Cache write", "Total")
                .containsPattern("class=\"badge badge-(drafted|needs-review)")
                .containsPattern("\\$\\d+\\.\\d{4}")
                .contains("src=\"/photos/").doesNotContain("/api/v1/photos/")
                .containsPattern("\\d+ simulated listings? \\(demo prices").contains("Low (25th pct)", "Shipping")
                .containsPattern("\\(eBay \\d{5,6}\\)") // a leaf category id; condition ids have 4 digits
                .doesNotContain("hx-trigger=\"every 2s\"");
    }

    @Test
    void aSettledItemsPageShowsItsHistoryAndRequeuesIt() {
        String itemUrl = upload(onePhoto(64)).header("Location");
        ItemId id = ItemId.parse(itemUrl.substring("/items/".length()));
        await().atMost(Duration.ofSeconds(30)).until(() -> items.findById(id).orElseThrow().status().isSettled());

        String page = browser.get(itemUrl).body();
        assertThat(page).contains("id=\"history\"", "Received", "Processing", "action=\"" + itemUrl + "/requeue\"");

        HttpResponse<String> requeued = browser.postForm(itemUrl + "/requeue", Map.of("csrfToken", browser.csrfToken()));

        assertThat(requeued.code()).isEqualTo(303);
        assertThat(requeued.header("Location")).isEqualTo(itemUrl);
        await().atMost(Duration.ofSeconds(30)).until(() -> items.findById(id).orElseThrow().attempt() == 2
                && items.findById(id).orElseThrow().status().isSettled());
        assertThat(browser.postForm(itemUrl + "/requeue", Map.of()).code()).as("no CSRF token").isEqualTo(403);
    }

    @Test
    void itemPageFragmentIsJustTheDetailSection() {
        String itemUrl = upload(onePhoto(63)).header("Location");

        String fragment = browser.getFragment(itemUrl).body();

        assertThat(fragment).startsWith("<section id=\"item-detail\"").doesNotContain("<html", "<nav class=\"nav\"");
    }

    @Test
    void unknownAndMalformedItemsGetTheNotFoundPage() {
        HttpResponse<String> unknown = browser.get("/items/" + UUID.randomUUID());
        HttpResponse<String> malformed = browser.get("/items/not-an-id");

        assertThat(unknown.code()).isEqualTo(404);
        assertThat(unknown.body()).contains("Not found", "<nav class=\"nav\"");
        assertThat(malformed.code()).isEqualTo(404);
        assertThat(malformed.body()).contains("Not found");
    }

    @Test
    void itemsListShowsRowsAndItsFragmentIsJustTheTable() {
        String itemUrl = upload(onePhoto(64)).header("Location");

        HttpResponse<String> page = browser.get("/items");
        HttpResponse<String> home = browser.get("/");
        HttpResponse<String> fragment = browser.getFragment("/items");

        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body()).contains("<html", "<nav class=\"nav\"", "id=\"items-table\"", itemUrl,
                "name=\"status\"", "Sign out");
        assertThat(home.body()).contains("id=\"items-table\"", itemUrl);
        assertThat(fragment.body().strip()).startsWith("<div id=\"items-table\"").contains(itemUrl)
                .doesNotContain("<html", "<nav class=\"nav\"");
    }

    @Test
    void itemsTablePollsWhileSomethingProcessesAndStopsWhenIdle() {
        String itemUrl = upload(onePhoto(65)).header("Location");
        ItemId id = ItemId.parse(itemUrl.substring("/items/".length()));
        await().atMost(Duration.ofSeconds(30)).until(() -> items.findById(id).orElseThrow().status().isSettled());
        await().atMost(Duration.ofSeconds(30)).until(() -> items.countByStatus().entrySet().stream()
                .noneMatch(e -> !e.getKey().isSettled() && e.getValue() > 0));

        assertThat(browser.getFragment("/items").body()).doesNotContain("every 2s").contains("data-live=\"false\"");

        // an item waiting an hour for its provider (so that no free worker takes it): the table polls until
        // it settles
        Instant now = Instant.now();
        Item waiting = Item.received(ItemId.random(), operatorId, Priority.NORMAL, Optional.empty(),
                List.of(new Photo(ContentHash.of(new byte[]{1}), "image/jpeg", 10, 10, 1)), now)
                .startProcessing(now).waitingUntil(now.plus(Duration.ofHours(1)), "provider_unavailable: test", false, now);
        items.insert(waiting);
        try {
            String live = browser.getFragment("/items").body();
            assertThat(live).contains("hx-get=\"/items\"", "hx-trigger=\"every 2s\"", "data-live=\"true\"");
            assertThat(browser.getFragment("/items?status=DRAFTED").body()).contains("every 2s");
        } finally {
            items.update(waiting.startProcessing(Instant.now()).failed("test over", Instant.now()));
        }
        assertThat(browser.getFragment("/items").body()).doesNotContain("every 2s");
    }

    @Test
    void statusFilterShowsOnlyThatStatus() {
        String itemUrl = upload(onePhoto(66)).header("Location");
        ItemId id = ItemId.parse(itemUrl.substring("/items/".length()));
        await().atMost(Duration.ofSeconds(30)).until(() -> items.findById(id).orElseThrow().status().isSettled());
        String status = items.findById(id).orElseThrow().status().name();
        String other = "PARKED".equals(status) ? "FAILED" : "PARKED";

        assertThat(browser.getFragment("/items?status=" + status).body()).contains(itemUrl);
        assertThat(browser.getFragment("/items?status=" + other).body()).doesNotContain(itemUrl)
                .contains("No items with this status");
    }

    @Test
    void uploadFormHasTheDropZoneAndTheSessionToken() {
        HttpResponse<String> form = browser.get("/upload");

        assertThat(form.code()).isEqualTo(200);
        assertThat(form.body()).contains("enctype=\"multipart/form-data\"", "type=\"file\"", "name=\"photos\"",
                "multiple", "name=\"priority\"", "name=\"sku\"", "id=\"dropzone\"", "/static/upload.js",
                "action=\"/upload?csrfToken=" + browser.csrfToken() + "\"");
    }

    @Test
    void refusedUploadsComeBackWithTheReasonAndTheApiStatus() {
        HttpResponse<String> notAnImage = upload(MultipartBody.builder().addPart("photos", "notes.txt",
                MediaType.TEXT_PLAIN_TYPE, "just text, no picture".getBytes(StandardCharsets.UTF_8)).build());
        HttpResponse<String> truncated = upload(MultipartBody.builder()
                .addPart("photos", "half.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.truncatedJpeg())
                .addPart("sku", "KEEP-ME").build());
        HttpResponse<String> badPriority = upload(MultipartBody.builder()
                .addPart("photos", "a.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(67, 320, 240))
                .addPart("priority", "SOMEDAY").build());
        HttpResponse<String> none = upload(MultipartBody.builder().addPart("sku", "X").build());

        assertThat(notAnImage.code()).isEqualTo(415);
        assertThat(notAnImage.body()).contains("alert-error", "notes.txt", "enctype=\"multipart/form-data\"");
        assertThat(truncated.code()).isEqualTo(422);
        assertThat(truncated.body()).contains("alert-error", "value=\"KEEP-ME\"");
        assertThat(badPriority.code()).isEqualTo(400);
        assertThat(badPriority.body()).contains("Priority must be");
        assertThat(none.code()).isEqualTo(400);
        assertThat(none.body()).contains("data-error-code=\"no_photos\"");
    }

    private HttpResponse<String> upload(MultipartBody body) {
        return browser.postMultipart("/upload?csrfToken=" + browser.csrfToken(), body);
    }

    private static MultipartBody onePhoto(int seed) {
        return MultipartBody.builder()
                .addPart("photos", "p" + seed + ".jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(seed, 640, 480))
                .build();
    }
}
