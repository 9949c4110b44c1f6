package dev.boomer.api;

import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.testing.TestApp;
import dev.boomer.testing.TestPhotos;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Users, budgets, spend and the ledger export over REST, end to end on a real server and database. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsersApiTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ItemRepository items;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestApp.properties());
        properties.put("boomer.budgets.sweep-interval", "1s");
        return properties;
    }

    @Test
    void anAdminCreatesAUserWhoseTokenWorksAtOnce() {
        String username = uniqueName();
        HttpResponse<Map> created = send(TestApp.ADMIN_TOKEN, HttpRequest.POST("/api/v1/users",
                Map.of("username", username, "role", "operator", "timeZone", "Europe/Berlin")));

        assertThat(created.code()).isEqualTo(201);
        assertThat(created.body()).containsEntry("username", username).containsEntry("role", "OPERATOR")
                .containsEntry("timeZone", "Europe/Berlin");
        String token = (String) created.body().get("apiToken");
        assertThat(token).startsWith("bmr_");
        assertThat(send(token, HttpRequest.GET("/api/v1/items")).code()).isEqualTo(200);

        assertError(TestApp.ADMIN_TOKEN, HttpRequest.POST("/api/v1/users",
                Map.of("username", username, "role", "VIEWER")), 409, "username_taken");
        assertError(token, HttpRequest.POST("/api/v1/users", Map.of("username", uniqueName(), "role", "VIEWER")),
                403, null);
    }

    @Test
    void invalidUsersAreRefusedFieldByField() {
        HttpResponse<?> refused = exchangeError(TestApp.ADMIN_TOKEN, HttpRequest.POST("/api/v1/users",
                Map.of("username", "No Spaces", "role", "king", "timeZone", "Mars/Olympus")));

        assertThat(refused.code()).isEqualTo(400);
        Map<String, Object> body = body(refused);
        assertThat(body).containsEntry("error", "invalid_user");
        assertThat(map(body.get("fields"))).containsKeys("username", "role", "timeZone");
    }

    @Test
    void aBudgetIsSetReadAndRefusedWhenItMakesNoSense() {
        String token = newUser();
        String username = usernameOf(token);
        String path = "/api/v1/users/" + username + "/budget";

        assertThat(send(TestApp.ADMIN_TOKEN, HttpRequest.GET(path)).body()).containsEntry("source", "none");
        HttpResponse<Map> set = send(TestApp.ADMIN_TOKEN, HttpRequest.PUT(path, Map.of("period", "WEEKLY",
                "timeZone", "America/New_York", "hardLimitUsd", 25, "softLimitUsd", 20.5)));
        assertThat(set.code()).isEqualTo(200);
        assertThat(send(token, HttpRequest.GET(path)).body()).containsEntry("source", "user")
                .containsEntry("period", "WEEKLY").containsEntry("hardLimitUsd", "25.00")
                .containsEntry("softLimitUsd", "20.50");

        HttpResponse<?> softAboveHard = exchangeError(TestApp.ADMIN_TOKEN, HttpRequest.PUT(path,
                Map.of("period", "DAILY", "timeZone", "UTC", "hardLimitUsd", 5, "softLimitUsd", 6)));
        assertThat(softAboveHard.code()).isEqualTo(400);
        assertThat(map(body(softAboveHard).get("fields")).get("softLimitUsd")).asString()
                .contains("must not be above the hard limit");
        HttpResponse<?> negativeAndAbsurd = exchangeError(TestApp.ADMIN_TOKEN, HttpRequest.PUT(path,
                Map.of("period", "YEARLY", "timeZone", "UTC", "hardLimitUsd", -1, "itemCapUsd", 5_000_000)));
        assertThat(map(body(negativeAndAbsurd).get("fields"))).containsKeys("period", "hardLimitUsd", "itemCapUsd");
        assertError(token, HttpRequest.PUT(path, Map.of("period", "DAILY", "timeZone", "UTC", "hardLimitUsd", 99)),
                403, null);
        assertThat(send(TestApp.ADMIN_TOKEN, HttpRequest.GET(path)).body()).containsEntry("hardLimitUsd", "25.00");
    }

    @Test
    void anItemOverTheHardLimitIsParkedAndResumesWhenTheLimitIsRaised() {
        String token = newUser();
        String username = usernameOf(token);
        String budget = "/api/v1/users/" + username + "/budget";
        send(TestApp.ADMIN_TOKEN, HttpRequest.PUT(budget, Map.of("period", "DAILY", "timeZone", "UTC",
                "hardLimitUsd", "0.0001")));

        ItemId item = submit(token, 41);
        await().atMost(Duration.ofSeconds(30)).until(() -> items.findById(item).orElseThrow().status()
                == ItemStatus.PARKED);
        assertThat(items.findById(item).orElseThrow().reason()).hasValueSatisfying(r -> assertThat(r)
                .startsWith("over_budget: "));
        Map<String, Object> spend = send(token, HttpRequest.GET("/api/v1/users/" + username + "/spend")).body();
        assertThat(spend).containsEntry("parkedItems", 1).containsEntry("spentUsd", "0.00");

        send(TestApp.ADMIN_TOKEN, HttpRequest.PUT(budget, Map.of("period", "DAILY", "timeZone", "UTC",
                "hardLimitUsd", "5")));

        await().atMost(Duration.ofSeconds(30)).until(() -> items.findById(item).orElseThrow().status().isSettled());
        assertThat(items.findById(item).orElseThrow().attempt()).as("parking used no retry").isEqualTo(1);
        Map<String, Object> after = send(token, HttpRequest.GET("/api/v1/users/" + username + "/spend")).body();
        assertThat(new BigDecimal((String) after.get("spentUsd"))).isPositive();
        assertThat(after).containsEntry("parkedItems", 0).containsEntry("reservedUsd", "0.00");
        List<Map<String, Object>> perDay = list(after.get("perDay"));
        assertThat(perDay).singleElement().satisfies(day ->
                assertThat(day.get("spentUsd")).isEqualTo(after.get("spentUsd")));
    }

    @Test
    void theLedgerExportsAsCsvPerUserAndTimeRange() {
        String token = newUser();
        String username = usernameOf(token);
        ItemId item = submit(token, 42);
        await().atMost(Duration.ofSeconds(30)).until(() -> items.findById(item).orElseThrow().status().isSettled());

        HttpResponse<String> csv = http.toBlocking().exchange(HttpRequest.GET("/api/v1/costs/export.csv?user="
                + username).bearerAuth(TestApp.ADMIN_TOKEN), String.class);

        assertThat(csv.getContentType().map(MediaType::toString)).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).startsWith("time,username,item,step,attempt,provider,model,tier");
        assertThat(lines.subList(1, lines.size())).isNotEmpty().allSatisfy(line ->
                assertThat(line).contains("," + username + "," + item + ",vision-"));
        assertThat(http.toBlocking().exchange(HttpRequest.GET("/api/v1/costs/export.csv?from=2020-01-01&to=2020-01-02")
                .bearerAuth(TestApp.ADMIN_TOKEN), String.class).body().lines()).hasSize(1);
        assertError(TestApp.ADMIN_TOKEN, HttpRequest.GET("/api/v1/costs/export.csv?from=yesterday"), 400,
                "invalid_range");
        assertError(token, HttpRequest.GET("/api/v1/costs/export.csv"), 403, null);
    }

    private ItemId submit(String token, int seed) {
        HttpResponse<Map> accepted = http.toBlocking().exchange(HttpRequest.POST("/api/v1/items",
                        MultipartBody.builder().addPart("photos", "a.jpg", MediaType.IMAGE_JPEG_TYPE,
                                TestPhotos.jpeg(seed, 640, 480)).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(token), Map.class);
        return ItemId.parse((String) accepted.body().get("id"));
    }

    private final Map<String, String> usernames = new HashMap<>();

    private String newUser() {
        String username = uniqueName();
        String token = (String) send(TestApp.ADMIN_TOKEN, HttpRequest.POST("/api/v1/users",
                Map.of("username", username, "role", "OPERATOR", "timeZone", "UTC"))).body().get("apiToken");
        usernames.put(token, username);
        return token;
    }

    private String usernameOf(String token) {
        return usernames.get(token);
    }

    private static String uniqueName() {
        return "u-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private HttpResponse<Map> send(String token, HttpRequest<?> request) {
        return http.toBlocking().exchange(((io.micronaut.http.MutableHttpRequest<?>) request).bearerAuth(token),
                Map.class);
    }

    private void assertError(String token, HttpRequest<?> request, int status, String code) {
        HttpResponse<?> response = exchangeError(token, request);
        assertThat(response.code()).isEqualTo(status);
        if (code != null) {
            assertThat(body(response)).containsEntry("error", code);
        }
    }

    private HttpResponse<?> exchangeError(String token, HttpRequest<?> request) {
        try {
            HttpResponse<?> response = http.toBlocking().exchange(
                    ((io.micronaut.http.MutableHttpRequest<?>) request).bearerAuth(token), Argument.of(Map.class),
                    Argument.of(Map.class));
            throw new AssertionError("expected an error, got " + response.status());
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(HttpResponse<?> response) {
        return (Map<String, Object>) response.getBody(Map.class).orElseThrow();
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
