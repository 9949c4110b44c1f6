package dev.boomer.cache;

import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.testing.TestApp;
import dev.boomer.testing.TestPhotos;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one database, the same photos submitted ten times at once, half to each: one paid
 * vision call per tier used, every other item answered from the cache, ten drafts. FAST takes a second, so
 * without a load shared across instances both would pay.
 */
class SharedLoadTest {

    @Test
    @SuppressWarnings("unchecked")
    void theSamePhotosOnTwoInstancesArePaidForOnce() throws Exception {
        Map<String, String> shared = TestApp.properties();
        shared.put("micronaut.server.port", "-1");
        shared.put("boomer.photos.store", "postgres");
        shared.put("boomer.vision.simulated.fast-latency", "PT1S");
        shared.put("boomer.vision.simulated.smart-latency", "PT1S");
        shared.put("boomer.vision.simulated.latency-sigma", "0");
        Map<String, String> secondOne = new HashMap<>(shared);
        secondOne.put("boomer.data-dir", TestApp.newDataDir().toString());
        try (EmbeddedServer first = start(shared, "instance-a"); EmbeddedServer second = start(secondOne, "instance-b");
             HttpClient firstHttp = HttpClient.create(first.getURL());
             HttpClient secondHttp = HttpClient.create(second.getURL())) {
            byte[] photo = TestPhotos.jpeg(4_242, 640, 480);
            List<Callable<ItemId>> uploads = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                BlockingHttpClient api = (i % 2 == 0 ? firstHttp : secondHttp).toBlocking();
                uploads.add(() -> submit(api, photo));
            }
            List<ItemId> ids = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
                for (Future<ItemId> id : pool.invokeAll(uploads)) {
                    ids.add(id.get());
                }
            }

            ItemRepository items = first.getApplicationContext().getBean(ItemRepository.class);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> ids.stream()
                    .allMatch(id -> items.findById(id).orElseThrow().status().isSettled()));

            SqlExecutor sql = first.getApplicationContext().getBean(SqlExecutor.class);
            List<String> paidSteps = sql.execute("SELECT step FROM cost_entries ORDER BY step", statement -> {
                List<String> steps = new ArrayList<>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        steps.add(rows.getString(1));
                    }
                }
                return steps;
            });
            assertThat(paidSteps).as("one paid call per tier used").doesNotHaveDuplicates()
                    .contains("vision-fast");
            int drafts = sql.execute("SELECT count(*) FROM listings", statement -> {
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            });
            assertThat(drafts).isEqualTo(10);
            assertThat(ids).allSatisfy(id -> assertThat(items.findById(id).orElseThrow().status())
                    .isIn(ItemStatus.DRAFTED, ItemStatus.NEEDS_REVIEW));
        }
    }

    private static EmbeddedServer start(Map<String, String> properties, String worker) {
        Map<String, Object> withName = new HashMap<>(properties);
        withName.put("boomer.worker-name", worker);
        return ApplicationContext.run(EmbeddedServer.class, withName);
    }

    @SuppressWarnings("rawtypes")
    private static ItemId submit(BlockingHttpClient api, byte[] photo) {
        Map accepted = api.retrieve(HttpRequest.POST("/api/v1/items", MultipartBody.builder()
                        .addPart("photos", "item.jpg", MediaType.IMAGE_JPEG_TYPE, photo).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(TestApp.ADMIN_TOKEN), Map.class);
        return ItemId.parse((String) accepted.get("id"));
    }
}
