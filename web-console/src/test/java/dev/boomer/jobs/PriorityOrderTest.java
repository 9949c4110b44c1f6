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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * JobRunr starts jobs oldest first; with one worker and a backlog of NORMAL items, URGENT items submitted
 * last are still the next ones a free worker runs.
 */
class PriorityOrderTest {

    @Test
    void urgentItemsSubmittedBehindABacklogStartNext() {
        Map<String, Object> properties = new HashMap<>(TestApp.properties());
        properties.put("micronaut.server.port", -1);
        properties.put("boomer.jobs.workers", "1");
        properties.put("boomer.jobs.instant-start", "false");
        properties.put("boomer.jobs.poll-interval", "PT5S");
        properties.put("boomer.vision.simulated.fast-latency", "200ms");
        properties.put("boomer.vision.simulated.latency-sigma", "0");
        try (ApplicationContext context = ApplicationContext.run(EmbeddedServer.class, properties).getApplicationContext();
             HttpClient http = HttpClient.create(context.getBean(EmbeddedServer.class).getURL())) {
            ItemRepository items = context.getBean(ItemRepository.class);
            List<ItemId> normal = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                normal.add(submit(http, "NORMAL", i));
            }
            List<ItemId> urgent = List.of(submit(http, "URGENT", 10), submit(http, "URGENT", 11));
            List<ItemId> all = new ArrayList<>(normal);
            all.addAll(urgent);

            await().atMost(Duration.ofSeconds(60)).until(() -> all.stream()
                    .allMatch(id -> items.findById(id).orElseThrow().status().isSettled()));

            List<ItemId> started = all.stream()
                    .sorted(Comparator.comparing((ItemId id) -> firstClaim(items, id))).toList();
            assertThat(started.subList(0, 3)).as("in the order they started: " + started)
                    .containsAll(urgent);
            assertThat(started.subList(started.size() - 3, started.size())).as("NORMAL oldest first")
                    .isSubsetOf(normal).isSortedAccordingTo(Comparator.comparing(normal::indexOf));
        }
    }

    private static Instant firstClaim(ItemRepository items, ItemId id) {
        return items.history(id).stream().filter(event -> event.status() == ItemStatus.PROCESSING)
                .map(ItemEvent::at).min(Comparator.naturalOrder()).orElseThrow();
    }

    private static ItemId submit(HttpClient http, String priority, int seed) {
        Map<?, ?> accepted = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/items", MultipartBody.builder()
                        .addPart("photos", "p.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(70_000 + seed, 640, 480))
                        .addPart("priority", priority)
                        .build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(TestApp.ADMIN_TOKEN), Map.class);
        return ItemId.parse((String) accepted.get("id"));
    }
}
