package dev.boomer.jobs;

import dev.boomer.domain.item.ItemEvent;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.testing.TestApp;
import dev.boomer.testing.TestPhotos;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An instance that stops while it works hands its item back; the next instance finishes it. */
class GracefulShutdownTest {

    @Test
    void anItemRunningWhenItsInstanceStopsIsFinishedByAnother() {
        Map<String, String> shared = TestApp.properties();
        shared.put("micronaut.server.port", "-1");
        shared.put("boomer.photos.store", "postgres");
        shared.put("boomer.jobs.poll-interval", "PT5S");
        Map<String, Object> slow = new HashMap<>(shared);
        slow.put("boomer.worker-name", "stopping");
        slow.put("boomer.vision.simulated.fast-latency", "PT20S"); // still at the provider when the instance stops
        slow.put("boomer.vision.simulated.latency-sigma", "0");
        slow.put("boomer.shutdown.grace", "PT1S");
        Map<String, Object> next = new HashMap<>(shared);
        next.put("boomer.worker-name", "next");
        next.put("boomer.data-dir", TestApp.newDataDir().toString());

        ItemId item;
        try (EmbeddedServer stopping = ApplicationContext.run(EmbeddedServer.class, slow);
             HttpClient client = HttpClient.create(stopping.getURL())) {
            item = ItemId.parse((String) client.toBlocking().retrieve(HttpRequest.POST("/api/v1/items",
                            MultipartBody.builder().addPart("photos", "a.jpg", MediaType.IMAGE_JPEG_TYPE,
                                    TestPhotos.jpeg(300, 640, 480)).build())
                    .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(TestApp.ADMIN_TOKEN), Map.class)
                    .get("id"));
            ItemRepository items = stopping.getApplicationContext().getBean(ItemRepository.class);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> items.findById(item).orElseThrow().status() == ItemStatus.PROCESSING);
        }

        try (EmbeddedServer taking = ApplicationContext.run(EmbeddedServer.class, next)) {
            ItemRepository items = taking.getApplicationContext().getBean(ItemRepository.class);
            assertThat(items.findById(item).orElseThrow().status()).as("handed back, not left to its lease")
                    .isEqualTo(ItemStatus.RECEIVED);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> items.findById(item).orElseThrow().status() == ItemStatus.DRAFTED);
            assertThat(items.history(item)).extracting(ItemEvent::status, ItemEvent::instance).containsSubsequence(
                    org.assertj.core.groups.Tuple.tuple(ItemStatus.PROCESSING, "stopping"),
                    org.assertj.core.groups.Tuple.tuple(ItemStatus.RECEIVED, "stopping"),
                    org.assertj.core.groups.Tuple.tuple(ItemStatus.PROCESSING, "next"),
                    org.assertj.core.groups.Tuple.tuple(ItemStatus.DRAFTED, "next"));
        }
    }
}
