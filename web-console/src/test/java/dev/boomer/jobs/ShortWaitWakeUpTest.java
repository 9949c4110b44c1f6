package dev.boomer.jobs;

import com.sun.net.httpserver.HttpServer;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.testing.AnthropicAnswers;
import dev.boomer.testing.TestApp;
import dev.boomer.testing.TestPhotos;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An item whose provider asks it to wait a second (a 429 with Retry-After) starts again on this instance
 * when the second is over, not at the next JobRunr poll after it: here JobRunr runs no jobs at all, so
 * only that local start can draft the item.
 */
class ShortWaitWakeUpTest {

    private static final String TOO_MANY = """
            {"type":"error","error":{"type":"rate_limit_error","message":"Number of requests has exceeded your rate limit"}}""";

    @Test
    void anItemToldToWaitASecondRunsAgainWhenItIsOver() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/v1/messages", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean first = requests.incrementAndGet() == 1;
            byte[] body = (first ? TOO_MANY : AnthropicAnswers.CONFIDENT).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            if (first) {
                exchange.getResponseHeaders().add("retry-after", "1");
            }
            exchange.sendResponseHeaders(first ? 429 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
        Map<String, Object> properties = new HashMap<>(TestApp.properties());
        properties.put("micronaut.server.port", -1);
        properties.put("boomer.jobs.server-enabled", "false");
        properties.put("boomer.budgets.sweep-enabled", "false");
        properties.put("boomer.vision.provider", "anthropic");
        properties.put("boomer.vision.anthropic.api-key", "sk-ant-test-wake-up");
        properties.put("boomer.vision.anthropic.base-url", "http://127.0.0.1:" + stub.getAddress().getPort());
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
             HttpClient http = HttpClient.create(server.getURL())) {
            ItemRepository items = server.getApplicationContext().getBean(ItemRepository.class);
            Map<?, ?> accepted = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/items", MultipartBody.builder()
                            .addPart("photos", "p.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(77_000, 640, 480))
                            .build())
                    .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(TestApp.ADMIN_TOKEN), Map.class);
            ItemId id = ItemId.parse((String) accepted.get("id"));

            Item settled = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> items.findById(id).orElseThrow(), item -> item.status().isSettled());

            assertThat(settled.status()).isEqualTo(ItemStatus.DRAFTED);
            assertThat(requests).as("the 429, then the answer").hasValue(2);
        } finally {
            stub.stop(0);
        }
    }
}
