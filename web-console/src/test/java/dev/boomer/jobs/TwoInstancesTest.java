package dev.boomer.jobs;

import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.item.Priority;
import dev.boomer.testing.TestApp;
import dev.boomer.testing.TestPhotos;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Boomer instances on one database, each with a data directory of its own (two machines), photos in
 * the database, instant start off: every run comes from a durable job. The first takes the uploads and
 * runs no jobs, so every item is processed by the instance that did not receive it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {

    private static final Duration SETTLES = Duration.ofSeconds(60);

    private EmbeddedServer first;
    private EmbeddedServer second;
    private BlockingHttpClient firstApi;
    private BlockingHttpClient secondApi;

    @BeforeAll
    void startTwoInstances() {
        Map<String, String> shared = TestApp.properties();
        shared.put("micronaut.server.port", "-1");
        shared.put("boomer.jobs.instant-start", "false");
        shared.put("boomer.jobs.poll-interval", "PT5S");
        // Resuming must come from the budget change itself, not from a sweep that would hide a lost start.
        shared.put("boomer.budgets.sweep-enabled", "false");
        shared.put("boomer.photos.store", "postgres");
        Map<String, String> uploads = new HashMap<>(shared);
        uploads.put("boomer.jobs.server-enabled", "false");
        first = start(uploads, "instance-a");
        Map<String, String> worker = new HashMap<>(shared);
        worker.put("boomer.data-dir", TestApp.newDataDir().toString());
        second = start(worker, "instance-b");
        // redirects are the console's answers here, not something to follow
        DefaultHttpClientConfiguration noRedirects = new DefaultHttpClientConfiguration();
        noRedirects.setFollowRedirects(false);
        firstApi = HttpClient.create(first.getURL(), noRedirects).toBlocking();
        secondApi = HttpClient.create(second.getURL(), noRedirects).toBlocking();
    }

    @AfterAll
    void stop() {
        second.close();
        first.close();
    }

    @Test
    void parkedItemsResumeWhenTheOtherInstanceRaisesTheLimit() {
        String username = "seller-" + UUID.randomUUID().toString().substring(0, 8);
        String token = (String) send(firstApi, HttpRequest.POST("/api/v1/users",
                Map.of("username", username, "role", "SELLER")), TestApp.ADMIN_TOKEN).body().get("apiToken");
        setLimit(firstApi, username, "0");
        List<ItemId> submitted = new ArrayList<>();
        for (int seed = 0; seed < 4; seed++) {
            submitted.add(submit(firstApi, token, 100 + seed));
        }
        await().atMost(SETTLES).until(() -> statuses(submitted).stream().allMatch(ItemStatus.PARKED::equals));

        setLimit(secondApi, username, "1.00");

        await().atMost(SETTLES).untilAsserted(() -> assertThat(statuses(submitted)).containsOnly(ItemStatus.DRAFTED));
        ItemRepository items = first.getApplicationContext().getBean(ItemRepository.class);
        assertThat(submitted).allSatisfy(id -> assertThat(items.history(id))
                .filteredOn(event -> event.status() == ItemStatus.DRAFTED)
                .extracting(dev.boomer.domain.item.ItemEvent::instance).containsExactly("instance-b"));
    }

    @Test
    void theReconciliationSchedulesAnItemWhoseJobWasLostAndOnlyOnce() {
        ItemId uploaded = submit(firstApi, TestApp.ADMIN_TOKEN, 200);
        await().atMost(SETTLES).until(() -> statuses(List.of(uploaded)).contains(ItemStatus.DRAFTED));
        ItemRepository items = second.getApplicationContext().getBean(ItemRepository.class);
        Item template = items.findById(uploaded).orElseThrow();
        // committed, but its instance died before scheduling a job: nothing would ever run it
        Item orphan = Item.received(ItemId.random(), template.owner(), Priority.NORMAL, Optional.empty(),
                template.photos(), Instant.now().minus(Duration.ofMinutes(5)));
        items.insert(orphan);
        ItemReconciliation reconciliation = second.getApplicationContext().getBean(ItemReconciliation.class);

        assertThat(reconciliation.reconcile()).isEqualTo(1);
        assertThat(reconciliation.reconcile()).as("its job is live now").isZero();
        await().atMost(SETTLES).until(() -> statuses(List.of(orphan.id())).contains(ItemStatus.DRAFTED));
        assertThat(second.getApplicationContext().getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .counter("boomer.items.reconciled", "found", "no_job").count()).isEqualTo(1.0);
    }

    @Test
    void aConsoleSessionStartedOnOneInstanceWorksOnTheOtherUntilSignedOut() {
        HttpResponse<String> login = firstApi.exchange(HttpRequest.POST("/login",
                        Map.of("username", "admin", "password", TestApp.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class);
        String session = login.getHeaders().getAll("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("BOOMER_SESSION=")).findFirst().orElseThrow()
                .split(";", 2)[0].substring("BOOMER_SESSION=".length());

        HttpResponse<String> items = secondApi.exchange(HttpRequest.GET("/items").accept(MediaType.TEXT_HTML_TYPE)
                .cookie(io.micronaut.http.cookie.Cookie.of("BOOMER_SESSION", session)), String.class);

        assertThat(items.code()).as("signed in on the other instance, no sticky session").isEqualTo(200);
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"")
                .matcher(items.body());
        assertThat(csrf.find()).isTrue();
        secondApi.exchange(HttpRequest.POST("/logout", Map.of("csrfToken", csrf.group(1)))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .cookie(io.micronaut.http.cookie.Cookie.of("BOOMER_SESSION", session)), String.class);
        HttpResponse<String> afterLogout = firstApi.exchange(HttpRequest.GET("/items").accept(MediaType.TEXT_HTML_TYPE)
                .cookie(io.micronaut.http.cookie.Cookie.of("BOOMER_SESSION", session)), String.class);
        assertThat(afterLogout.code()).as("signed out everywhere: back to the login page").isBetween(300, 399);
    }

    private static EmbeddedServer start(Map<String, String> shared, String worker) {
        Map<String, Object> properties = new HashMap<>(shared);
        properties.put("boomer.worker-name", worker);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    private List<ItemStatus> statuses(List<ItemId> ids) {
        ItemRepository items = first.getApplicationContext().getBean(ItemRepository.class);
        return ids.stream().map(id -> items.findById(id).orElseThrow().status()).toList();
    }

    private ItemId submit(BlockingHttpClient api, String token, int seed) {
        HttpResponse<Map> accepted = send(api, HttpRequest.POST("/api/v1/items", MultipartBody.builder()
                        .addPart("photos", "item.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(seed, 640, 480)).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE), token);
        return ItemId.parse((String) accepted.body().get("id"));
    }

    private void setLimit(BlockingHttpClient api, String username, String hardLimitUsd) {
        send(api, HttpRequest.PUT("/api/v1/users/" + username + "/budget",
                Map.of("period", "DAILY", "timeZone", "UTC", "hardLimitUsd", hardLimitUsd)), TestApp.ADMIN_TOKEN);
    }

    @SuppressWarnings("rawtypes")
    private static HttpResponse<Map> send(BlockingHttpClient api, MutableHttpRequest<?> request, String token) {
        return api.exchange(request.bearerAuth(token), Map.class);
    }
}
