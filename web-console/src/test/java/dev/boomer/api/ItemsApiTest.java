package dev.boomer.api;

import dev.boomer.application.users.CreateUser;
import dev.boomer.domain.cost.CostLedger;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemQuery;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.user.Role;
import dev.boomer.jobs.ProcessItemJob;
import dev.boomer.jobs.ProcessItemJobHandler;
import dev.boomer.testing.TestApp;
import dev.boomer.testing.TestPhotos;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ItemsApiTest implements TestPropertyProvider {

    private final Map<String, String> properties = TestApp.properties();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ItemRepository items;

    @Inject
    CostLedger ledger;

    @Inject
    CreateUser createUser;

    @Inject
    ProcessItemJobHandler jobHandler;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> withLimits = new java.util.HashMap<>(properties);
        withLimits.put("boomer.photos.max-bytes", String.valueOf(400 * 1024));
        return withLimits;
    }

    @Test
    void submittedPhotosBecomeADraftedListingWithItsCost() {
        HttpResponse<Map> accepted = submit(TestApp.ADMIN_TOKEN, MultipartBody.builder()
                .addPart("photos", "front.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(1, 1600, 1200))
                .addPart("photos", "back.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(2, 800, 600))
                .addPart("priority", "URGENT")
                .addPart("sku", "SKU-1")
                .build());

        assertStatus(accepted.status(), HttpStatus.ACCEPTED);
        String id = (String) accepted.body().get("id");
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/items/" + id);
        assertThat(accepted.body()).containsEntry("status", "RECEIVED").containsEntry("priority", "URGENT");

        Map<String, Object> item = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(TestApp.ADMIN_TOKEN, "/api/v1/items/" + id).body(),
                        body -> List.of("DRAFTED", "NEEDS_REVIEW").contains(body.get("status")));

        Map<String, Object> listing = map(item.get("listing"));
        assertThat((String) listing.get("title")).isNotBlank().hasSizeLessThanOrEqualTo(80);
        assertThat(map(listing.get("price")).get("currency")).isEqualTo("USD");
        assertThat(new java.math.BigDecimal((String) map(listing.get("price")).get("amount"))).isPositive();
        assertThat(map(listing.get("evidence")).get("source")).isEqualTo("SIMULATED");
        assertThat((Integer) map(listing.get("evidence")).get("sampleSize")).isPositive();
        assertThat(map(listing.get("evidence"))).containsEntry("kind", "SIMULATED")
                .containsEntry("lowPercentile", 25).containsEntry("highPercentile", 75).containsKeys("query", "pricing");
        assertThat(map(map(listing.get("price")).get("evidence"))).containsEntry("kind", "SIMULATED");
        assertThat((String) listing.get("categoryId")).matches("\\d+");
        assertThat((String) listing.get("category")).contains(" > ");
        assertThat(map(listing.get("itemSpecifics"))).containsEntry("Brand", "Unbranded");
        assertThat(list(map(listing.get("evidence")).get("comparables")).getFirst())
                .containsKeys("title", "price", "shipping", "total", "condition", "url");
        Map<String, Object> cost = map(item.get("cost"));
        List<Map<String, Object>> calls = list(cost.get("calls"));
        assertThat(calls).isNotEmpty();
        assertThat(calls.get(0)).containsKeys("provider", "model", "tier", "inputTokens", "outputTokens",
                "cacheWriteTokens", "cacheReadTokens", "costUsd");
        assertThat(new java.math.BigDecimal((String) cost.get("totalUsd"))).isPositive();
        if ("DRAFTED".equals(item.get("status"))) {
            assertThat(item).doesNotContainKey("reason");
        }
    }

    @Test
    void runningAnItemsJobAgainChangesNothing() {
        String id = (String) submit(TestApp.ADMIN_TOKEN, MultipartBody.builder()
                .addPart("photos", "a.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(3, 640, 480)).build())
                .body().get("id");
        ItemId itemId = ItemId.parse(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> items.findById(itemId).orElseThrow().status().isSettled());
        var entriesBefore = ledger.entriesFor(itemId);
        var itemBefore = items.findById(itemId).orElseThrow();

        jobHandler.run(new ProcessItemJob(itemId.value()));
        jobHandler.run(new ProcessItemJob(itemId.value()));

        assertThat(ledger.entriesFor(itemId)).isEqualTo(entriesBefore);
        assertThat(items.findById(itemId).orElseThrow()).isEqualTo(itemBefore);
    }

    @Test
    void aSettledItemIsRequeuedInANewAttemptWithItsHistoryAndOnlyByThoseWhoMay() {
        var owner = createUser.create(new CreateUser.Command("requeue-owner", Role.SELLER, ZoneOffset.UTC,
                Optional.empty(), Optional.empty()));
        var stranger = createUser.create(new CreateUser.Command("requeue-stranger", Role.SELLER, ZoneOffset.UTC,
                Optional.empty(), Optional.empty()));
        var viewer = createUser.create(new CreateUser.Command("requeue-viewer", Role.VIEWER, ZoneOffset.UTC,
                Optional.empty(), Optional.empty()));
        String id = (String) submit(owner.apiToken(), MultipartBody.builder()
                .addPart("photos", "a.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(21, 640, 480)).build())
                .body().get("id");
        ItemId itemId = ItemId.parse(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> items.findById(itemId).orElseThrow().status().isSettled());
        String requeue = "/api/v1/items/" + id + "/requeue";

        assertStatus(postError(viewer.apiToken(), requeue), HttpStatus.FORBIDDEN);
        assertStatus(postError(stranger.apiToken(), requeue), HttpStatus.NOT_FOUND);
        HttpResponse<Map> accepted = http.toBlocking().exchange(HttpRequest.POST(requeue, "")
                .bearerAuth(owner.apiToken()), Map.class);

        assertStatus(accepted.status(), HttpStatus.ACCEPTED);
        assertThat(accepted.body()).containsEntry("status", "RECEIVED").containsEntry("attempt", 2);
        Map<String, Object> again = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(owner.apiToken(), "/api/v1/items/" + id).body(),
                        body -> List.of("DRAFTED", "NEEDS_REVIEW").contains(body.get("status")));
        assertThat(again).containsEntry("attempt", 2).containsEntry("retries", 0);
        List<Map<String, Object>> history = list(again.get("history"));
        assertThat(history).extracting(event -> event.get("status")).startsWith("RECEIVED", "PROCESSING")
                .contains("RECEIVED", "PROCESSING").hasSize(6);
        assertThat(history).allSatisfy(event -> assertThat(event).containsKeys("at", "instance"));
    }

    @Test
    void anItemThatIsWaitingOrRunningIsNotRequeued() {
        String id = (String) submit(TestApp.ADMIN_TOKEN, MultipartBody.builder()
                .addPart("photos", "a.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(22, 640, 480)).build())
                .body().get("id");
        ItemId itemId = ItemId.parse(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> items.findById(itemId).orElseThrow().status().isSettled());
        var settled = items.findById(itemId).orElseThrow();
        java.time.Instant now = java.time.Instant.now();
        items.update(settled.requeued(now).startProcessing(now)
                .waitingUntil(now.plus(Duration.ofHours(1)), "provider_unavailable: 529", true, now));

        HttpResponse<?> conflict = exchangeError(HttpRequest.POST("/api/v1/items/" + id + "/requeue", "")
                .bearerAuth(TestApp.ADMIN_TOKEN));

        assertStatus(conflict.status(), HttpStatus.CONFLICT);
        assertThat(conflict.getBody(Map.class).orElseThrow()).containsEntry("error", "not_settled");
        Map<String, Object> waiting = get(TestApp.ADMIN_TOKEN, "/api/v1/items/" + id).body();
        assertThat(waiting).containsEntry("status", "RECEIVED").containsEntry("retries", 1).containsKey("nextAttemptAt");
    }

    @Test
    void retryNowRunsAnItemInBoomersBackoffAtOnceButLeavesAProvidersWait() {
        ItemId backingOff = settledItem(23);
        ItemId providers = settledItem(24);
        java.time.Instant now = java.time.Instant.now();
        for (ItemId id : List.of(backingOff, providers)) {
            items.update(items.findById(id).orElseThrow().requeued(now).startProcessing(now)
                    .waitingUntil(now.plus(Duration.ofHours(1)), "provider_unavailable: busy", id == backingOff, now));
        }

        HttpResponse<?> waits = exchangeError(HttpRequest.POST("/api/v1/items/" + providers + "/retry-now", "")
                .bearerAuth(TestApp.ADMIN_TOKEN));
        HttpResponse<Map> accepted = http.toBlocking().exchange(HttpRequest.POST(
                "/api/v1/items/" + backingOff + "/retry-now", "").bearerAuth(TestApp.ADMIN_TOKEN), Map.class);

        assertStatus(waits.status(), HttpStatus.CONFLICT);
        assertThat(waits.getBody(Map.class).orElseThrow()).containsEntry("error", "providers_wait");
        assertStatus(accepted.status(), HttpStatus.ACCEPTED);
        assertThat(accepted.body()).containsEntry("attempt", 2).containsEntry("retries", 1)
                .doesNotContainKey("nextAttemptAt");
        await().atMost(Duration.ofSeconds(30)).until(() -> items.findById(backingOff).orElseThrow().status().isSettled());
        assertThat(items.findById(providers).orElseThrow().nextAttemptAt()).isPresent();
        HttpResponse<?> settled = exchangeError(HttpRequest.POST("/api/v1/items/" + backingOff + "/retry-now", "")
                .bearerAuth(TestApp.ADMIN_TOKEN));
        assertStatus(settled.status(), HttpStatus.CONFLICT);
        assertThat(settled.getBody(Map.class).orElseThrow()).containsEntry("error", "not_waiting");
    }

    private ItemId settledItem(int seed) {
        ItemId id = ItemId.parse((String) submit(TestApp.ADMIN_TOKEN, MultipartBody.builder()
                .addPart("photos", "a.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(seed, 640, 480)).build())
                .body().get("id"));
        await().atMost(Duration.ofSeconds(30)).until(() -> items.findById(id).orElseThrow().status().isSettled());
        return id;
    }

    @Test
    void listingShowsOnlyTheCallersOwnItems() {
        var alice = createUser.create(new CreateUser.Command("alice-list", Role.SELLER, ZoneOffset.UTC,
                Optional.empty(), Optional.empty()));
        submit(alice.apiToken(), MultipartBody.builder()
                .addPart("photos", "a.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(4, 300, 200)).build());
        submit(TestApp.ADMIN_TOKEN, MultipartBody.builder()
                .addPart("photos", "a.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(5, 300, 200)).build());

        List<Map<String, Object>> aliceItems = list(get(alice.apiToken(), "/api/v1/items").body().get("items"));

        assertThat(aliceItems).hasSize(1);
        String aliceItem = (String) aliceItems.get(0).get("id");
        String adminItem = items.find(ItemQuery.all(100)).stream()
                .filter(i -> !i.owner().equals(alice.user().id())).findFirst().orElseThrow().id().toString();
        assertStatus(error(alice.apiToken(), "/api/v1/items/" + adminItem), HttpStatus.NOT_FOUND);
        assertStatus(get(alice.apiToken(), "/api/v1/items/" + aliceItem).status(), HttpStatus.OK);
        assertStatus(get(alice.apiToken(), "/api/v1/items?status=DRAFTED").status(), HttpStatus.OK);
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthorized() {
        assertStatus(error(null, "/api/v1/items"), HttpStatus.UNAUTHORIZED);
        assertStatus(error("bmr_wrong", "/api/v1/items"), HttpStatus.UNAUTHORIZED);
        var response = exchangeError(HttpRequest.GET("/api/v1/items").bearerAuth("bmr_wrong"));
        assertThat(response.getBody(Map.class).orElseThrow()).containsEntry("error", "unauthorized");
    }

    @Test
    void badQueryParametersAreRefusedWithACode() {
        var response = exchangeError(HttpRequest.GET("/api/v1/items?status=SHIPPED").bearerAuth(TestApp.ADMIN_TOKEN));
        assertStatus(response.status(), HttpStatus.BAD_REQUEST);
        assertThat(response.getBody(Map.class).orElseThrow()).containsEntry("error", "invalid_status");
        assertStatus(error(TestApp.ADMIN_TOKEN, "/api/v1/items/not-a-uuid"), HttpStatus.NOT_FOUND);
        assertStatus(error(TestApp.ADMIN_TOKEN, "/api/v1/items/" + ItemId.random()), HttpStatus.NOT_FOUND);
    }

    // --- bad uploads: the right status and code, and nothing stored ---

    @Test
    void aFileThatIsNoImageIsRefusedAsUnsupported() {
        assertRefusedAndNothingStored(photo("notes.txt", MediaType.TEXT_PLAIN_TYPE,
                "just some text".getBytes(StandardCharsets.UTF_8)), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type");
    }

    @Test
    void aSpoofedContentTypeIsRefusedAsUnsupported() {
        assertRefusedAndNothingStored(photo("photo.jpg", MediaType.IMAGE_JPEG_TYPE,
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
    }

    @Test
    void aPhotoOverTheByteLimitIsRefusedAsTooLarge() {
        assertRefusedAndNothingStored(photo("huge.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(6, 2400, 1800)),
                HttpStatus.REQUEST_ENTITY_TOO_LARGE, "file_too_large");
    }

    @Test
    void aPixelBombIsRefusedWithoutBeingDecoded() {
        assertRefusedAndNothingStored(photo("bomb.png", MediaType.IMAGE_PNG_TYPE, TestPhotos.pixelBombPng()),
                HttpStatus.UNPROCESSABLE_ENTITY, "too_many_pixels");
    }

    @Test
    void aTruncatedPhotoIsRefusedAsCorrupt() {
        assertRefusedAndNothingStored(photo("cut.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.truncatedJpeg()),
                HttpStatus.UNPROCESSABLE_ENTITY, "corrupt_image");
    }

    @Test
    void anEmptyFileIsRefused() {
        // The multipart decoder drops zero-byte file parts, so an upload of only an empty file has no photo.
        assertRefusedAndNothingStored(photo("empty.jpg", MediaType.IMAGE_JPEG_TYPE, new byte[0]),
                HttpStatus.BAD_REQUEST, "no_photos");
    }

    @Test
    void oneBadPhotoAmongGoodOnesStoresNothing() {
        assertRefusedAndNothingStored(MultipartBody.builder()
                        .addPart("photos", "good.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(7, 300, 200))
                        .addPart("photos", "cut.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.truncatedJpeg())
                        .build(),
                HttpStatus.UNPROCESSABLE_ENTITY, "corrupt_image");
    }

    @Test
    void moreThanTwelvePhotosAreRefused() {
        MultipartBody.Builder body = MultipartBody.builder();
        for (int i = 0; i < 13; i++) {
            body.addPart("photos", "p" + i + ".jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(100 + i, 64, 48));
        }
        assertRefusedAndNothingStored(body.build(), HttpStatus.BAD_REQUEST, "too_many_photos");
    }

    @Test
    void aSubmissionWithoutPhotosIsRefused() {
        assertRefusedAndNothingStored(MultipartBody.builder().addPart("sku", "X").build(), HttpStatus.BAD_REQUEST,
                "no_photos");
    }

    @Test
    void anUnknownPriorityIsRefused() {
        assertRefusedAndNothingStored(MultipartBody.builder()
                        .addPart("photos", "a.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(8, 64, 48))
                        .addPart("priority", "ASAP").build(),
                HttpStatus.BAD_REQUEST, "invalid_priority");
    }

    private void assertRefusedAndNothingStored(MultipartBody body, HttpStatus status, String code) {
        long itemsBefore = items.find(ItemQuery.all(500)).size();
        long filesBefore = storedFiles();

        var response = exchangeError(HttpRequest.POST("/api/v1/items", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(TestApp.ADMIN_TOKEN));

        Map<?, ?> error = response.getBody(Map.class).orElseThrow();
        assertThat(error).as("error body").isNotNull();
        assertStatus(response.status(), status);
        assertThat(error.get("error")).isEqualTo(code);
        assertThat((String) error.get("message")).isNotBlank();
        assertThat(items.find(ItemQuery.all(500))).hasSize((int) itemsBefore);
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    private static MultipartBody photo(String name, MediaType type, byte[] bytes) {
        return MultipartBody.builder().addPart("photos", name, type, bytes).build();
    }

    private long storedFiles() {
        Path dir = TestApp.photosDir(properties);
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpResponse<Map> submit(String token, MultipartBody body) {
        return http.toBlocking().exchange(HttpRequest.POST("/api/v1/items", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(token), Map.class);
    }

    private HttpResponse<Map> get(String token, String uri) {
        return http.toBlocking().exchange(HttpRequest.GET(uri).bearerAuth(token), Map.class);
    }

    private HttpStatus postError(String token, String uri) {
        return exchangeError(HttpRequest.POST(uri, "").bearerAuth(token)).status();
    }

    private HttpStatus error(String token, String uri) {
        var request = HttpRequest.GET(uri);
        if (token != null) {
            request.bearerAuth(token);
        }
        return exchangeError(request).status();
    }

    private HttpResponse<?> exchangeError(HttpRequest<?> request) {
        try {
            HttpResponse<?> response = http.toBlocking().exchange(request, Argument.of(Map.class),
                    Argument.of(Map.class));
            throw new AssertionError("expected an error, got " + response.status());
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }

    /** HttpStatus is also a CharSequence, which makes AssertJ's assertThat ambiguous. */
    private static void assertStatus(HttpStatus actual, HttpStatus expected) {
        assertThat(actual.getCode()).as("HTTP status").isEqualTo(expected.getCode());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
