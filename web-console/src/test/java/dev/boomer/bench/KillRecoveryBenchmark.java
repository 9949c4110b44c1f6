package dev.boomer.bench;

import dev.boomer.domain.cost.CostLedger;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Kills an instance outright (SIGKILL) while it has items in flight, and measures how the other instance
 * takes them over: items lost, paid calls per killed item, seconds until every item settled. The victim
 * runs in a JVM of its own so that it can really be killed; both share one PostgreSQL and keep photos in it.
 */
@Tag("benchmark")
class KillRecoveryBenchmark {

    private static final int ITEMS = Integer.getInteger("bench.items", 16);
    private static final String LATENCY = System.getProperty("bench.latency", "PT3S");
    private static final String LEASE = System.getProperty("bench.lease", "PT30S");
    private static final String RECONCILE = System.getProperty("bench.reconcile", "PT15S");

    @Test
    void anInstanceKilledWithItemsInFlightLosesNone() throws Exception {
        Map<String, String> shared = TestApp.properties();
        shared.put("boomer.photos.store", "postgres");
        shared.put("boomer.vision.simulated.fast-latency", LATENCY);
        shared.put("boomer.vision.simulated.smart-latency", LATENCY);
        shared.put("boomer.vision.simulated.latency-sigma", "0");
        shared.put("boomer.processing.lease", LEASE);
        shared.put("boomer.jobs.reconcile-interval", RECONCILE);
        shared.put("boomer.jobs.workers", "8");
        int victimPort = freePort();
        Process victim = startVictim(shared, victimPort);
        Map<String, Object> survivorProperties = new HashMap<>(shared);
        survivorProperties.put("micronaut.server.port", "-1");
        survivorProperties.put("boomer.worker-name", "survivor");
        survivorProperties.put("boomer.data-dir", TestApp.newDataDir().toString());
        try (EmbeddedServer survivor = ApplicationContext.run(EmbeddedServer.class, survivorProperties);
             HttpClient victimApi = HttpClient.create(URI.create("http://127.0.0.1:" + victimPort).toURL())) {
            ItemRepository items = survivor.getApplicationContext().getBean(ItemRepository.class);
            CostLedger ledger = survivor.getApplicationContext().getBean(CostLedger.class);
            awaitUp(victimApi);
            List<ItemId> submitted = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                submitted.add(ItemId.parse((String) victimApi.toBlocking().retrieve(HttpRequest.POST("/api/v1/items",
                                MultipartBody.builder().addPart("photos", "item.jpg", MediaType.IMAGE_JPEG_TYPE,
                                        TestPhotos.jpeg(5000 + i, 640, 480)).build())
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(TestApp.ADMIN_TOKEN), Map.class)
                        .get("id")));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> heldByVictim(items, submitted).size() >= Math.min(8, ITEMS));

            List<ItemId> killed = heldByVictim(items, submitted);
            long killedAt = System.nanoTime();
            victim.destroyForcibly().waitFor();

            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> submitted.stream().allMatch(id -> items.findById(id).orElseThrow().status().isSettled()));
            double seconds = (System.nanoTime() - killedAt) / 1e9;
            long lost = submitted.stream().filter(id -> !items.findById(id).orElseThrow().status().isSettled()).count();
            int maxCalls = killed.stream().mapToInt(id -> ledger.entriesFor(id).size()).max().orElse(0);
            double meanCalls = killed.stream().mapToInt(id -> ledger.entriesFor(id).size()).average().orElse(0);
            System.out.printf(Locale.ROOT, "%nkill -9 of an instance with %d of %d items in flight (simulated vision %s,"
                            + " lease %s, reconcile every %s)%n", killed.size(), ITEMS, LATENCY, LEASE, RECONCILE);
            System.out.printf(Locale.ROOT, "items lost: %d%n", lost);
            System.out.printf(Locale.ROOT, "paid calls per killed item: mean %.2f, max %d (every call in the ledger)%n",
                    meanCalls, maxCalls);
            System.out.printf(Locale.ROOT, "seconds from the kill until every item settled: %.1f%n", seconds);
        } finally {
            victim.destroyForcibly();
        }
    }

    private static List<ItemId> heldByVictim(ItemRepository items, List<ItemId> submitted) {
        return submitted.stream().filter(id -> {
            List<ItemEvent> history = items.history(id);
            ItemEvent last = history.getLast();
            return last.status() == ItemStatus.PROCESSING && last.instance().equals("victim");
        }).toList();
    }

    private static Process startVictim(Map<String, String> shared, int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        Map<String, String> properties = new HashMap<>(shared);
        properties.put("micronaut.server.port", String.valueOf(port));
        properties.put("boomer.worker-name", "victim");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("dev.boomer.Application");
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of(shared.get("boomer.data-dir"), "victim.log").toFile()).start();
    }

    private static void awaitUp(HttpClient api) {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> api.toBlocking().retrieve(HttpRequest.GET("/health")).contains("UP"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
