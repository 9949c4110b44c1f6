package dev.boomer.bench;

import com.sun.net.httpserver.HttpServer;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.testing.AnthropicAnswers;
import dev.boomer.testing.TestApp;
import dev.boomer.testing.TestPhotos;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one database against a provider (a stub speaking Anthropic's Messages API) that allows
 * {@code bench.rpm} requests a minute, as a token bucket like the real one, and answers 429 above it.
 * Boomer is configured to the same limit (its token limits lifted): the instances share the limit
 * through PostgreSQL and follow the provider's rate-limit headers, so the provider should see no 429, and
 * the calls should come at the limit.
 */
@Tag("benchmark")
class RateLimitedThroughputBenchmark {

    private static final int RPM = Integer.getInteger("bench.rpm", 30);
    private static final int ITEMS = Integer.getInteger("bench.items", 60);
    private static final String ANSWER = AnthropicAnswers.CONFIDENT;
    private static final String TOO_MANY = """
            {"type":"error","error":{"type":"rate_limit_error","message":"Number of requests has exceeded your rate limit"}}""";

    @Test
    void twoInstancesStayWithinOneLimitAndUseIt() throws Exception {
        Bucket limit = Bucket.builder().addLimit(Bandwidth.builder().capacity(RPM)
                .refillGreedy(RPM, Duration.ofMinutes(1)).build()).build();
        AtomicInteger tooMany = new AtomicInteger();
        ConcurrentLinkedQueue<Long> answeredAt = new ConcurrentLinkedQueue<>();
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/v1/messages", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean allowed = limit.tryConsume(1);
            byte[] body = (allowed ? ANSWER : TOO_MANY).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            // as Anthropic does: what is left, and when the limit is full again
            long left = Math.max(0, limit.getAvailableTokens());
            exchange.getResponseHeaders().add("anthropic-ratelimit-requests-limit", String.valueOf(RPM));
            exchange.getResponseHeaders().add("anthropic-ratelimit-requests-remaining", String.valueOf(left));
            exchange.getResponseHeaders().add("anthropic-ratelimit-requests-reset", java.time.Instant.now()
                    .plusMillis((RPM - left) * 60_000L / RPM).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
            if (allowed) {
                answeredAt.add(System.nanoTime());
            } else {
                tooMany.incrementAndGet();
                exchange.getResponseHeaders().add("retry-after", "2");
            }
            exchange.sendResponseHeaders(allowed ? 200 : 429, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
        Map<String, String> shared = TestApp.properties();
        shared.put("micronaut.server.port", "-1");
        shared.put("boomer.photos.store", "postgres");
        shared.put("boomer.vision.provider", "anthropic");
        shared.put("boomer.vision.anthropic.api-key", "sk-ant-bench");
        shared.put("boomer.vision.anthropic.base-url", "http://127.0.0.1:" + stub.getAddress().getPort());
        shared.put("boomer.vision.anthropic.limits.requests-per-minute", String.valueOf(RPM));
        shared.put("boomer.vision.anthropic.limits.input-tokens-per-minute", "0");
        shared.put("boomer.vision.anthropic.limits.output-tokens-per-minute", "0");
        Map<String, Object> first = new HashMap<>(shared);
        first.put("boomer.worker-name", "instance-a");
        Map<String, Object> second = new HashMap<>(shared);
        second.put("boomer.worker-name", "instance-b");
        second.put("boomer.data-dir", TestApp.newDataDir().toString());
        try (EmbeddedServer a = ApplicationContext.run(EmbeddedServer.class, first);
             EmbeddedServer b = ApplicationContext.run(EmbeddedServer.class, second);
             HttpClient apiA = HttpClient.create(a.getURL());
             HttpClient apiB = HttpClient.create(b.getURL())) {
            ItemRepository items = a.getApplicationContext().getBean(ItemRepository.class);
            List<ItemId> submitted = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < ITEMS; i++) {
                submitted.add(submit(i % 2 == 0 ? apiA : apiB, i));
            }
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() -> submitted.stream()
                    .allMatch(id -> items.findById(id).orElseThrow().status().isSettled()));
            double seconds = (System.nanoTime() - started) / 1e9;

            List<Long> times = answeredAt.stream().sorted().toList();
            // after the first minute's allowance (the bucket starts full), calls can only come at the refill rate
            List<Long> steady = times.subList(Math.min(RPM, times.size() - 1), times.size());
            double steadyMinutes = (steady.getLast() - steady.getFirst()) / 60e9;
            double steadyRate = (steady.size() - 1) / steadyMinutes;
            System.out.println(String.format(Locale.ROOT,
                    "limit %d/min, %d items on two instances: %d answered, %d provider 429s, all settled in %.1f s;"
                            + " after the first minute's allowance %.1f calls/min = %.0f %% of the limit",
                    RPM, ITEMS, times.size(), tooMany.get(), seconds, steadyRate, 100 * steadyRate / RPM));
            assertThat(tooMany).as("provider 429s").hasValue(0);
            assertThat(steadyRate).isGreaterThanOrEqualTo(0.95 * RPM);
        } finally {
            stub.stop(0);
        }
    }

    private static ItemId submit(HttpClient api, int seed) {
        return ItemId.parse((String) api.toBlocking().retrieve(HttpRequest.POST("/api/v1/items",
                        MultipartBody.builder().addPart("photos", "item.jpg", MediaType.IMAGE_JPEG_TYPE,
                                TestPhotos.jpeg(90_000 + seed, 640, 480)).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(TestApp.ADMIN_TOKEN), Map.class).get("id"));
    }
}
