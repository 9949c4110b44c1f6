package dev.boomer.api;

import dev.boomer.application.users.CreateUser;
import dev.boomer.domain.audit.AuditAction;
import dev.boomer.domain.audit.AuditLog;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.listing.ListingRepository;
import dev.boomer.domain.user.Role;
import dev.boomer.testing.TestApp;
import dev.boomer.testing.TestPhotos;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
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

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The cache's stats and invalidation over REST, with who may do which. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CacheApiTest implements TestPropertyProvider {

    private final Map<String, String> properties = TestApp.properties();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ItemRepository items;

    @Inject
    CreateUser createUser;

    @Inject
    AuditLog audit;

    @Inject
    ListingRepository listings;

    @Inject
    MeterRegistry meters;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> withMeters = new java.util.HashMap<>(properties);
        withMeters.put("boomer.cache.meters-interval", "500ms");
        return withMeters;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStatsShowWhatEachLayerHoldsAndWhatTheHitsSavedAndAnAdminClearsANamespace() {
        byte[] photo = TestPhotos.jpeg(9_001, 640, 480);
        settled(submit(photo));
        settled(submit(photo)); // the same photos: answered from the cache

        Map<String, Object> stats = get("/api/v1/cache", TestApp.ADMIN_TOKEN);
        List<Map<String, Object>> layers = (List<Map<String, Object>>) stats.get("layers");
        assertThat(layers).anySatisfy(layer -> {
            assertThat(layer).containsEntry("namespace", "vision").containsEntry("layer", "postgres");
            assertThat(((Number) layer.get("entries")).longValue()).isPositive();
            assertThat(((Number) layer.get("bytes")).longValue()).isPositive();
        });
        assertThat(layers).anySatisfy(layer -> {
            assertThat(layer).containsEntry("namespace", "vision").containsEntry("layer", "l1");
            assertThat(((Number) layer.get("hits")).longValue()).isPositive();
        });
        Map<String, Object> saved = (Map<String, Object>) stats.get("saved");
        assertThat(new BigDecimal((String) saved.get("visionUsd"))).as("the second item's answer, not paid again")
                .isPositive();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(meters.find("boomer.cache.requests").tags("namespace", "vision", "layer", "l1", "result", "hit")
                    .functionCounter()).isNotNull().satisfies(hits -> assertThat(hits.count()).isPositive());
            assertThat(meters.find("boomer.cache.entries").tags("namespace", "vision", "layer", "postgres").gauge())
                    .isNotNull().satisfies(entries -> assertThat(entries.value()).isPositive());
            assertThat(meters.find("boomer.cache.saved.usd").functionCounter()).isNotNull()
                    .satisfies(usd -> assertThat(usd.count()).isPositive());
        });

        Map<String, Object> removed = post("/api/v1/cache/invalidate", Map.of("namespace", "vision"),
                TestApp.ADMIN_TOKEN);

        assertThat(((Number) removed.get("removed")).longValue()).isPositive();
        assertThat(removed).containsEntry("selected", "namespace vision");
        List<Map<String, Object>> after = (List<Map<String, Object>>) get("/api/v1/cache", TestApp.ADMIN_TOKEN)
                .get("layers");
        assertThat(after).filteredOn(layer -> "vision".equals(layer.get("namespace")))
                .allSatisfy(layer -> assertThat(((Number) layer.get("entries")).longValue()).isZero());
        assertThat(audit.recent(5)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.CACHE_INVALIDATED);
            assertThat(entry.subject()).isEqualTo("cache:namespace vision");
            assertThat(entry.after()).containsEntry("removed", removed.get("removed").toString());
        });
    }

    @Test
    void operatorsReadTheStatsOnlyAdminsClearAndSellersDoNeither() {
        String operator = createUser.create(new CreateUser.Command("cache-operator", Role.OPERATOR, ZoneOffset.UTC,
                Optional.empty(), Optional.empty())).apiToken();
        String seller = createUser.create(new CreateUser.Command("cache-seller", Role.SELLER, ZoneOffset.UTC,
                Optional.empty(), Optional.empty())).apiToken();

        assertThat(get("/api/v1/cache", operator)).containsKey("layers");
        assertStatus(() -> post("/api/v1/cache/invalidate", Map.of("all", true), operator), HttpStatus.FORBIDDEN);
        assertStatus(() -> get("/api/v1/cache", seller), HttpStatus.FORBIDDEN);
    }

    @Test
    void aSelectionMustBeExactlyOneThing() {
        assertStatus(() -> post("/api/v1/cache/invalidate", Map.of(), TestApp.ADMIN_TOKEN), HttpStatus.BAD_REQUEST);
        assertStatus(() -> post("/api/v1/cache/invalidate", Map.of("tag", "gtin:1", "namespace", "market"),
                TestApp.ADMIN_TOKEN), HttpStatus.BAD_REQUEST);
        HttpClientResponseException blank = catchResponse(() -> post("/api/v1/cache/invalidate",
                Map.of("prefix", " "), TestApp.ADMIN_TOKEN));
        assertThat(blank.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(blank.getResponse().getBody(String.class).orElse("")).contains("must not be blank");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdminRepricesStaleDraftsInTheBackground() {
        ItemId item = submit(TestPhotos.jpeg(9_101, 640, 480));
        settled(item);
        Instant pricedAt = listings.findByItem(item).orElseThrow().createdAt();

        var accepted = http.toBlocking().exchange(HttpRequest.POST("/api/v1/cache/reprice-stale",
                Map.of("olderThanDays", 0)).bearerAuth(TestApp.ADMIN_TOKEN), Map.class);

        assertThat(accepted.code()).isEqualTo(202);
        assertThat((Map<String, Object>) accepted.body()).containsKey("jobId").containsEntry("olderThanDays", 0);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                listings.findByItem(item).orElseThrow().createdAt().isAfter(pricedAt));
        assertThat(audit.recent(5)).anySatisfy(entry -> assertThat(entry.action())
                .isEqualTo(AuditAction.REPRICE_REQUESTED));
        assertStatus(() -> post("/api/v1/cache/reprice-stale", Map.of("olderThanDays", -1), TestApp.ADMIN_TOKEN),
                HttpStatus.BAD_REQUEST);
        String operator = createUser.create(new CreateUser.Command("reprice-operator", Role.OPERATOR, ZoneOffset.UTC,
                Optional.empty(), Optional.empty())).apiToken();
        assertStatus(() -> post("/api/v1/cache/reprice-stale", Map.of(), operator), HttpStatus.FORBIDDEN);
    }

    @Test
    void aTagClearsJustItsEntries() {
        Map<String, Object> removed = post("/api/v1/cache/invalidate", Map.of("tag", "gtin:00000000000000"),
                TestApp.ADMIN_TOKEN);

        assertThat(removed).containsEntry("removed", 0).containsEntry("selected", "tag gtin:00000000000000");
    }

    private ItemId submit(byte[] photo) {
        Map<?, ?> accepted = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/items", MultipartBody.builder()
                        .addPart("photos", "p.jpg", MediaType.IMAGE_JPEG_TYPE, photo).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(TestApp.ADMIN_TOKEN), Map.class);
        return ItemId.parse((String) accepted.get("id"));
    }

    private void settled(ItemId id) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> items.findById(id).orElseThrow().status().isSettled());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String path, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Map.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(String path, Map<String, ?> body, String token) {
        return http.toBlocking().retrieve(HttpRequest.POST(path, body).bearerAuth(token), Map.class);
    }

    private static void assertStatus(Runnable call, HttpStatus expected) {
        assertThat(catchResponse(call).getStatus().getCode()).isEqualTo(expected.getCode());
    }

    private static HttpClientResponseException catchResponse(Runnable call) {
        try {
            call.run();
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected an error answer");
    }
}
