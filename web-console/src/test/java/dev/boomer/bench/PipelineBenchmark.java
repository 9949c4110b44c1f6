package dev.boomer.bench;

import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemQuery;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.testing.TestApp;
import dev.boomer.testing.TestPhotos;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end pipeline benchmark: a whole Boomer server with zero-latency simulated providers; N items
 * (distinct photos, so no cache hits) are posted to the REST API by a few concurrent clients, and the
 * server's own timestamps give each item's enqueue -> settled latency. Prints figures; asserts only that
 * every item settled. Not part of the normal test run; see docs/benchmarks.md for the command.
 */
@Tag("benchmark")
class PipelineBenchmark {

    private static final int ITEMS = Integer.getInteger("bench.items", 1000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 4);

    @Test
    void itemsPerSecondAndLatencyEndToEnd() throws Exception {
        Map<String, Object> properties = new java.util.HashMap<>(TestApp.properties());
        properties.put("micronaut.server.port", -1);
        properties.put("boomer.jobs.workers", Integer.getInteger("bench.workers", 16));
        try (ApplicationContext context = ApplicationContext.run(EmbeddedServer.class, properties).getApplicationContext();
             HttpClient http = HttpClient.create(context.getBean(EmbeddedServer.class).getURL())) {
            ItemRepository items = context.getBean(ItemRepository.class);
            List<byte[]> photos = IntStream.range(0, ITEMS).mapToObj(i -> TestPhotos.jpeg(10_000 + i, 320, 240)).toList();
            warmUp(http);
            int before = items.find(ItemQuery.all(ItemQuery.MAX_LIMIT)).size();

            long start = System.nanoTime();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> posts = new ArrayList<>();
            for (byte[] photo : photos) {
                posts.add(clients.submit(() -> http.toBlocking().exchange(HttpRequest.POST("/api/v1/items",
                                MultipartBody.builder().addPart("photos", "p.jpg", MediaType.IMAGE_JPEG_TYPE, photo).build())
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(TestApp.ADMIN_TOKEN))));
            }
            for (Future<?> post : posts) {
                post.get();
            }
            long submitted = System.nanoTime();
            clients.shutdown();

            List<Item> all = waitUntilSettled(items, before + ITEMS, Duration.ofMinutes(10));
            long settled = System.nanoTime();

            List<Long> latenciesMs = all.stream()
                    .map(item -> Duration.between(item.createdAt(), item.updatedAt()).toMillis()).sorted().toList();
            double seconds = (settled - start) / 1e9;
            System.out.printf(Locale.ROOT, """

                    ==== Boomer pipeline benchmark ====
                    items                 %d (%d concurrent API clients, %d workers, zero-latency simulated providers)
                    submit phase          %.2f s  (%.0f items/s accepted)
                    end to end            %.2f s  (%.0f items/s drafted)
                    enqueue -> settled    p50 %d ms   p95 %d ms   max %d ms
                    cores                 %d
                    ===================================
                    %n""", ITEMS, CLIENTS, Integer.getInteger("bench.workers", 16),
                    (submitted - start) / 1e9, ITEMS / ((submitted - start) / 1e9), seconds, ITEMS / seconds,
                    percentile(latenciesMs, 50), percentile(latenciesMs, 95), latenciesMs.getLast(),
                    Runtime.getRuntime().availableProcessors());
            assertThat(all).allMatch(item -> item.status().isSettled());
        }
    }

    private static void warmUp(HttpClient http) {
        for (int i = 0; i < 20; i++) {
            http.toBlocking().exchange(HttpRequest.POST("/api/v1/items", MultipartBody.builder()
                            .addPart("photos", "w.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(i, 320, 240)).build())
                    .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(TestApp.ADMIN_TOKEN));
        }
    }

    /** The newest {@code count} items once none of them is still waiting or running. */
    private static List<Item> waitUntilSettled(ItemRepository items, int count, Duration timeout) {
        return await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> newest(items, count),
                        all -> all.size() >= count && all.stream().allMatch(item -> item.status().isSettled()))
                .subList(0, ITEMS);
    }

    private static List<Item> newest(ItemRepository items, int count) {
        List<Item> all = new ArrayList<>();
        for (int offset = 0; offset < count; offset += ItemQuery.MAX_LIMIT) {
            all.addAll(items.find(new ItemQuery(java.util.Optional.empty(), java.util.Optional.empty(),
                    ItemQuery.MAX_LIMIT, offset)));
        }
        return all;
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
