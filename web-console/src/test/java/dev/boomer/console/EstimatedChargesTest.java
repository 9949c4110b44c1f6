package dev.boomer.console;

import dev.boomer.application.users.CreateUser;
import dev.boomer.domain.cost.CostEntry;
import dev.boomer.domain.cost.CostLedger;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.user.Role;
import dev.boomer.testing.TestApp;
import dev.boomer.testing.TestPhotos;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calls that were sent but never answered (the simulated provider loses every answer here) may be billed:
 * each is charged as an estimate, and the API, the item page and the CSV export all say so.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EstimatedChargesTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    CreateUser createUser;

    @Inject
    ItemRepository items;

    @Inject
    CostLedger ledger;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = ConsoleTestApp.properties();
        properties.put("boomer.vision.simulated.lost-rate", "1");
        properties.put("boomer.processing.max-attempts", "2");
        properties.put("boomer.processing.retry-first-delay", "100ms");
        return properties;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyLostAnswerIsChargedAsAnEstimateAndMarkedSoEverywhere() {
        Map<String, Object> accepted = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/items",
                        MultipartBody.builder().addPart("photos", "a.jpg", MediaType.IMAGE_JPEG_TYPE,
                                TestPhotos.jpeg(71, 800, 600)).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(TestApp.ADMIN_TOKEN), Map.class);
        ItemId id = ItemId.parse((String) accepted.get("id"));

        await().atMost(Duration.ofSeconds(60)).until(() -> items.findById(id).orElseThrow().status() == ItemStatus.FAILED);

        List<CostEntry> entries = ledger.entriesFor(id);
        assertThat(entries).extracting(e -> e.key().step()).containsExactly("vision-fast", "vision-fast-2");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.estimated()).isTrue();
            assertThat(entry.usage().outputTokens()).isZero();
            assertThat(entry.cost().isPositive()).isTrue();
        });
        assertThat(items.findById(id).orElseThrow().reason()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("gave_up"));

        Map<String, Object> item = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/items/" + id)
                .bearerAuth(TestApp.ADMIN_TOKEN), Map.class);
        Map<String, Object> cost = (Map<String, Object>) item.get("cost");
        assertThat((List<Map<String, Object>>) cost.get("calls")).extracting(call -> call.get("estimated"))
                .containsExactly(true, true);
        assertThat(Money.usd(new BigDecimal((String) cost.get("totalUsd"))))
                .isEqualTo(entries.get(0).cost().plus(entries.get(1).cost()));

        ConsoleClient admin = new ConsoleClient(http);
        admin.login(ConsoleTestApp.user(createUser, Role.ADMIN).username(), ConsoleTestApp.PASSWORD);
        assertThat(admin.get("/items/" + id).body()).contains("class=\"tag tag-estimated\"", "Calls marked estimated");
        String csv = admin.send(HttpRequest.GET("/users/costs.csv").accept(MediaType.of("text/csv"))).body();
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",cost_usd,estimated");
        assertThat(csv.lines().filter(line -> line.contains(id.toString()))).hasSize(2)
                .allSatisfy(line -> assertThat(line).endsWith(",true"));
    }
}
