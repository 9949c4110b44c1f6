package dev.boomer.bench;

import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.testing.TestApp;
import dev.boomer.testing.TestPhotos;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The vision cache's hit rate against the oracle (every repeat of the same photos a hit) on a workload
 * with 60 % repeats, spread over two instances by four clients, FAST answering in 300 ms: how many of the
 * repeats were paid for again. Prints figures; asserts only that every item settled. See docs/benchmarks.md.
 */
@Tag("benchmark")
class CacheHitRateBenchmark {

    private static final int ITEMS = Integer.getInteger("bench.items", 200);
    private static final double REPEATS = 0.6;

    @Test
    void hitRateAgainstTheOracleAcrossTwoInstances() throws Exception {
        Map<String, String> shared = TestApp.properties();
        shared.put("micronaut.server.port", "-1");
        shared.put("boomer.photos.store", "postgres");
        shared.put("boomer.vision.simulated.fast-latency", "PT0.3S");
        shared.put("boomer.vision.simulated.smart-latency", "PT0.3S");
        Map<String, String> other = new HashMap<>(shared);
        other.put("boomer.data-dir", TestApp.newDataDir().toString());
        List<Integer> photoSets = workload();
        long distinct = photoSets.stream().distinct().count();
        try (EmbeddedServer first = start(shared, "bench-a"); EmbeddedServer second = start(other, "bench-b");
             HttpClient one = HttpClient.create(first.getURL()); HttpClient two = HttpClient.create(second.getURL())) {
            List<Callable<List<ItemId>>> clients = new ArrayList<>();
            for (int client = 0; client < 4; client++) {
                BlockingHttpClient api = (client % 2 == 0 ? one : two).toBlocking();
                List<Integer> mine = new ArrayList<>();
                for (int i = client; i < photoSets.size(); i += 4) {
                    mine.add(photoSets.get(i));
                }
                clients.add(() -> mine.stream().map(seed -> submit(api, seed)).toList());
            }
            long started = System.nanoTime();
            List<ItemId> ids = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                for (Future<List<ItemId>> sent : pool.invokeAll(clients)) {
                    ids.addAll(sent.get());
                }
            }
            ItemRepository items = first.getApplicationContext().getBean(ItemRepository.class);
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250)).until(() -> ids.stream()
                    .allMatch(id -> items.findById(id).orElseThrow().status().isSettled()));
            double seconds = (System.nanoTime() - started) / 1e9;

            SqlExecutor sql = first.getApplicationContext().getBean(SqlExecutor.class);
            long paidFast = count(sql, "SELECT count(*) FROM cost_entries WHERE step LIKE 'vision-fast%'");
            long fromCache = count(sql, "SELECT count(*) FROM item_analyses WHERE from_cache");
            long oracleHits = ITEMS - distinct;
            System.out.printf(Locale.ROOT, """

                    ==== Boomer vision cache hit rate, two instances ====
                    items                        %d (%d distinct photo sets, %.0f %% repeats)
                    paid FAST calls              %d (oracle: %d, one per distinct set)
                    analyses from the cache      %d (oracle: %d)
                    hit rate                     %.1f %% (oracle %.1f %%): %.1f %% of the oracle's hits
                    repeats paid for again       %d
                    wall time                    %.1f s
                    """, ITEMS, distinct, 100.0 * oracleHits / ITEMS, paidFast, distinct, fromCache, oracleHits,
                    100.0 * fromCache / ITEMS, 100.0 * oracleHits / ITEMS, 100.0 * fromCache / oracleHits,
                    Math.max(0, paidFast - distinct), seconds);
            assertThat(ids).hasSize(ITEMS);
        }
    }

    /** 40 % new photo sets, 60 % repeats of one already seen, shuffled by a fixed seed. */
    private static List<Integer> workload() {
        Random random = new Random(42);
        List<Integer> seen = new ArrayList<>();
        List<Integer> sets = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            if (seen.isEmpty() || random.nextDouble() >= REPEATS) {
                seen.add(80_000 + seen.size());
                sets.add(seen.getLast());
            } else {
                sets.add(seen.get(random.nextInt(seen.size())));
            }
        }
        return Collections.unmodifiableList(sets);
    }

    private static EmbeddedServer start(Map<String, String> properties, String worker) {
        Map<String, Object> named = new HashMap<>(properties);
        named.put("boomer.worker-name", worker);
        return ApplicationContext.run(EmbeddedServer.class, named);
    }

    private static ItemId submit(BlockingHttpClient api, int seed) {
        Map<?, ?> accepted = api.retrieve(HttpRequest.POST("/api/v1/items", MultipartBody.builder()
                        .addPart("photos", "p.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(seed, 640, 480)).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(TestApp.ADMIN_TOKEN), Map.class);
        return ItemId.parse((String) accepted.get("id"));
    }

    private static long count(SqlExecutor sql, String query) {
        return sql.execute(query, statement -> {
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
