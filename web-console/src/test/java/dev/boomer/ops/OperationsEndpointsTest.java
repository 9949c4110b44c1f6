package dev.boomer.ops;

import dev.boomer.testing.TestApp;
import dev.boomer.testing.TestPhotos;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsEndpointsTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return TestApp.properties();
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthTellsAnonymousCallersTheStatusOnly() {
        HttpResponse<Map> health = http.toBlocking().exchange(HttpRequest.GET("/health"), Map.class);

        assertThat(health.code()).isEqualTo(200);
        assertThat(health.body()).containsEntry("status", "UP").doesNotContainKey("details");
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthReportsTheDatabaseToAnAdmin() {
        HttpResponse<Map> health = http.toBlocking().exchange(HttpRequest.GET("/health")
                .bearerAuth(TestApp.ADMIN_TOKEN), Map.class);

        Map<String, Object> details = (Map<String, Object>) health.body().get("details");
        assertThat(((Map<String, Object>) details.get("jdbc")).get("status")).isEqualTo("UP");
        Map<String, Object> providers = (Map<String, Object>) details.get("providers");
        assertThat(providers.get("status")).isEqualTo("UP");
        assertThat((Map<String, Object>) providers.get("details"))
                .containsEntry("simulated:claude-haiku-4-5", "CLOSED");
    }

    @Test
    void prometheusIsAnonymousAndCountsProcessedItems() {
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/items", MultipartBody.builder()
                        .addPart("photos", "a.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(11, 320, 240)).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(TestApp.ADMIN_TOKEN), Map.class);

        String scrape = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.toBlocking().retrieve(HttpRequest.GET("/prometheus")),
                        text -> text.contains("boomer_items_processed_total"));

        assertThat(scrape).contains("jvm_memory_used_bytes").containsPattern(
                "boomer_items_processed_total\\{[^}]*outcome=\"(drafted|needsreview)\"");
        assertThat(scrape).containsPattern("boomer_provider_calls_total\\{[^}]*outcome=\"ok\"")
                .contains("boomer_provider_latency_seconds_bucket", "boomer_provider_breaker_state{");
    }
}
