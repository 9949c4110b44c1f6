package dev.boomer.api;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boomer.testing.TestApp;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies of a wrong or missing type get 415 with the API's JSON error, never a 403 or a 500; bodies that
 * are not JSON get 400; unknown API paths get 404. Sent with the JDK's client, which adds no Content-Type
 * of its own.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiContentTypesTest implements TestPropertyProvider {

    private static final String FORGED = "a=%zz\n07:00:00.000 INFO  d.b.security.Audit - admin password changed";

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestApp.properties();
    }

    @BeforeEach
    void captureTheLog() {
        log.start();
        root().addAppender(log);
    }

    @AfterEach
    void releaseTheLog() {
        root().detachAppender(log);
    }

    @Test
    void aBodyWithoutContentTypeIs415AndNeverReachesTheLog() throws Exception {
        HttpResponse<String> items = send(post("/api/v1/items", null, FORGED));
        HttpResponse<String> users = send(post("/api/v1/users", null, FORGED));

        assertError(items, 415, "unsupported_media_type", "multipart/form-data");
        assertError(users, 415, "unsupported_media_type", "application/json");
        assertThat(log.list).noneMatch(event -> event.getFormattedMessage().contains("%zz")
                || (event.getThrowableProxy() != null && event.getThrowableProxy().getMessage().contains("%zz")));
    }

    @Test
    void aBodyOfTheWrongTypeIs415NotForbidden() throws Exception {
        assertError(send(post("/api/v1/items", "application/json", "{}")), 415, "unsupported_media_type",
                "multipart/form-data");
        assertError(send(post("/api/v1/items", "text/plain", "x")), 415, "unsupported_media_type",
                "multipart/form-data");
        assertError(send(post("/api/v1/users", "text/plain", "x")), 415, "unsupported_media_type",
                "application/json");
        assertError(send(post("/api/v1/users", "application/x-www-form-urlencoded", FORGED)), 415,
                "unsupported_media_type", "application/json");
    }

    @Test
    void aBodyThatIsNotJsonIs400SayingWhere() throws Exception {
        HttpResponse<String> response = send(post("/api/v1/users", "application/json", "{bad"));

        assertError(response, 400, "malformed_body", "The body is not valid JSON");
        assertThat(response.body()).contains("line 1, column 2").doesNotContain("REDACTED", "StreamReadFeature");
    }

    @Test
    void anUnknownApiPathIs404ForASignedInAdmin() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/nothing"))
                .header("Authorization", "Bearer " + TestApp.ADMIN_TOKEN).GET().build());

        assertError(response, 404, "not_found", "");
    }

    private HttpRequest post(String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + TestApp.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request.build();
    }

    private void assertError(HttpResponse<String> response, int status, String code, String messagePart)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        Map<?, ?> error = json.readValue(response.body(), Map.class);
        assertThat(error.get("error")).isEqualTo(code);
        assertThat((String) error.get("message")).contains(messagePart);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return server.getURI().resolve(path);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
