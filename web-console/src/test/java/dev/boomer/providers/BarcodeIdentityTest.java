package dev.boomer.providers;

import com.sun.net.httpserver.HttpServer;
import dev.boomer.adapter.market.ebay.EbayStub;
import dev.boomer.testing.TestApp;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The barcode fast path end to end: a photo whose barcode eBay's listings know, and a FAST answer (a real
 * HTTP stub speaking Anthropic's Messages API) unsure of the product. The listings name it, SMART is never
 * asked, and the item is drafted under their title and brand, saying how it was identified.
 */
class BarcodeIdentityTest {

    /** FAST sees a Nikon F3 but is not sure of the brand, model or title; it is sure of the condition. */
    private static final String UNSURE = """
            {"id":"msg_01","type":"message","role":"assistant","model":"claude-haiku-4-5",
             "content":[{"type":"tool_use","id":"toolu_01","name":"record_listing","input":
               {"brand":"Nikkon","model":"F3","category":"Cameras & Photo > Film Photography > Film Cameras",
                "condition":"USED_GOOD","title":"Old 35mm film camera, maybe Nikon",
                "description":"A 35mm SLR body with light wear on the top plate.","searchQuery":"35mm film camera",
                "gtin":null,"itemSpecifics":[{"name":"Type","value":"SLR"}],
                "confidence":{"brand":0.4,"model":0.5,"category":0.8,"condition":0.9,"title":0.45}}}],
             "stop_reason":"tool_use","stop_sequence":null,
             "usage":{"input_tokens":1500,"output_tokens":300,"cache_creation_input_tokens":0,
                      "cache_read_input_tokens":0}}""";

    private final List<String> modelsAsked = new CopyOnWriteArrayList<>();
    private HttpServer anthropic;

    @AfterEach
    void stop() {
        if (anthropic != null) {
            anthropic.stop(0);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnsureFastAnswerIsNamedByTheListingsOfTheBarcodeWithoutAskingSmart() throws IOException {
        startAnthropic();
        try (EbayStub ebay = new EbayStub()) {
            Map<String, Object> properties = new HashMap<>(TestApp.properties());
            properties.put("micronaut.server.port", -1);
            properties.put("boomer.vision.provider", "anthropic");
            properties.put("boomer.vision.anthropic.api-key", "sk-ant-test-barcode");
            properties.put("boomer.vision.anthropic.base-url", "http://127.0.0.1:" + anthropic.getAddress().getPort());
            properties.put("boomer.market.provider", "ebay");
            properties.put("boomer.market.ebay.client-id", EbayStub.CLIENT_ID);
            properties.put("boomer.market.ebay.client-secret", EbayStub.CLIENT_SECRET);
            properties.put("boomer.market.ebay.base-url", ebay.baseUrl().toString());
            try (ApplicationContext context = ApplicationContext.run(EmbeddedServer.class, properties)
                    .getApplicationContext();
                 HttpClient http = HttpClient.create(context.getBean(EmbeddedServer.class).getURL())) {
                byte[] photo = Files.readAllBytes(Path.of("..", "samples", "photos", "camera.jpg"));
                Map<String, Object> accepted = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/items",
                                MultipartBody.builder().addPart("photos", "camera.jpg", MediaType.IMAGE_JPEG_TYPE, photo)
                                        .build())
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(TestApp.ADMIN_TOKEN), Map.class);

                Map<String, Object> item = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                        .until(() -> http.toBlocking().retrieve(HttpRequest.GET("/api/v1/items/" + accepted.get("id"))
                                .bearerAuth(TestApp.ADMIN_TOKEN), Map.class), body -> body.containsKey("listing")
                                && !"PROCESSING".equals(body.get("status")) && !"RECEIVED".equals(body.get("status")));

                assertThat(modelsAsked).as("FAST only").containsExactly("claude-haiku-4-5");
                assertThat(item).containsEntry("status", "DRAFTED");
                Map<String, Object> listing = (Map<String, Object>) item.get("listing");
                assertThat(listing).containsEntry("title", "Nikon F3 Body");
                assertThat((Map<String, Object>) listing.get("itemSpecifics")).containsEntry("Brand", "Nikon")
                        .containsEntry("Type", "SLR");
                assertThat(ebay.searches()).singleElement().satisfies(search ->
                        assertThat(search.query()).containsEntry("gtin", "4960999123455"));
                Map<String, Object> analysis = (Map<String, Object>) item.get("analysis");
                assertThat(analysis).containsEntry("tier", "FAST").containsEntry("brand", "Nikon")
                        .containsEntry("gtin", "4960999123455").containsEntry("identifiedBy",
                                "barcode 4960999123455 found in 4 EBAY listings (brand Nikon): 'Nikon F3 Body'");
            }
        }
    }

    private void startAnthropic() throws IOException {
        anthropic = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        anthropic.createContext("/v1/messages", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            modelsAsked.add(request.contains("\"claude-haiku-4-5\"") ? "claude-haiku-4-5" : "another model");
            byte[] body = UNSURE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        anthropic.start();
    }
}
