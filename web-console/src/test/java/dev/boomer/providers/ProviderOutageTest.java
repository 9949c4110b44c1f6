package dev.boomer.providers;

import com.sun.net.httpserver.HttpServer;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.resilience.GuardState;
import dev.boomer.testing.AnthropicAnswers;
import dev.boomer.testing.TestApp;
import dev.boomer.testing.TestPhotos;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A provider (a real HTTP stub speaking Anthropic's Messages API) that answers 500 for a while, then
 * recovers: the breaker opens after a handful of calls, items wait for it instead of failing, and every
 * item is drafted once the provider is back.
 */
class ProviderOutageTest {

    private static final String ANSWER = AnthropicAnswers.CONFIDENT;
    private static final String SERVER_ERROR = """
            {"type":"error","error":{"type":"api_error","message":"Internal server error"}}""";

    private final AtomicBoolean down = new AtomicBoolean(true);
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer stub;

    @AfterEach
    void stopStub() {
        if (stub != null) {
            stub.stop(0);
        }
    }

    @Test
    void theBreakerOpensWithinTenCallsAndNoItemFailsOrIsLost() throws IOException {
        startStub();
        Map<String, Object> properties = new HashMap<>(TestApp.properties());
        properties.put("micronaut.server.port", -1);
        properties.put("boomer.vision.provider", "anthropic");
        properties.put("boomer.vision.anthropic.api-key", "sk-ant-test-outage");
        properties.put("boomer.vision.anthropic.base-url", "http://127.0.0.1:" + stub.getAddress().getPort());
        properties.put("boomer.resilience.breaker.open-for", "2s");
        properties.put("boomer.processing.retry-first-delay", "200ms");
        try (ApplicationContext context = ApplicationContext.run(EmbeddedServer.class, properties).getApplicationContext();
             HttpClient http = HttpClient.create(context.getBean(EmbeddedServer.class).getURL())) {
            ItemRepository items = context.getBean(ItemRepository.class);
            ProviderGuards guards = context.getBean(ProviderGuards.class);
            List<ItemId> ids = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Map<?, ?> accepted = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/items", MultipartBody.builder()
                                .addPart("photos", "p.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(40_000 + i, 640, 480))
                                .build())
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(TestApp.ADMIN_TOKEN), Map.class);
                ids.add(ItemId.parse((String) accepted.get("id")));
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> fast(guards).breaker().equals("OPEN"));
            int callsUntilOpen = requests.get();
            await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5)).until(() -> true); // stays down
            List<Item> duringOutage = ids.stream().map(id -> items.findById(id).orElseThrow()).toList();
            down.set(false);

            List<Item> settled = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> ids.stream().map(id -> items.findById(id).orElseThrow()).toList(),
                            all -> all.stream().allMatch(item -> item.status().isSettled()));

            assertThat(callsUntilOpen).as("calls made until the breaker opened").isBetween(5, 10);
            assertThat(duringOutage).noneMatch(item -> item.status() == ItemStatus.FAILED);
            assertThat(settled).extracting(Item::status).allMatch(status -> status == ItemStatus.DRAFTED);
            assertThat(fast(guards).breaker()).isEqualTo("CLOSED");
        }
    }

    private static GuardState fast(ProviderGuards guards) {
        return guards.states().stream().filter(state -> state.model().equals("claude-haiku-4-5")).findFirst()
                .orElseThrow();
    }

    private void startStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/v1/messages", exchange -> {
            exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            boolean failing = down.get();
            byte[] body = (failing ? SERVER_ERROR : ANSWER).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(failing ? 500 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
    }
}
