package dev.boomer.console;

import dev.boomer.application.users.CreateUser;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.User;
import dev.boomer.testing.TestApp;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle over real HTTP, with the test client as a trusted proxy so each test picks its addresses. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInThrottleHttpTest implements TestPropertyProvider {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    CreateUser createUser;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(ConsoleTestApp.properties());
        properties.put("boomer.security.trusted-proxies", "127.0.0.1, ::1");
        // Long enough that the held attempt below cannot slip past it on a slow machine.
        properties.put("boomer.security.throttle.first-delay", "1m");
        return properties;
    }

    @Test
    void wrongPasswordsHoldTheGuesserWith429ButNeverTheOwnerElsewhere() {
        User user = ConsoleTestApp.user(createUser, Role.SELLER);
        String guesser = "203.0.113.7";
        for (int i = 0; i < 4; i++) {
            assertThat(login(user.username(), "guess-" + i, guesser).header("Location"))
                    .as("failure %d", i + 1).isEqualTo("/login?error=true");
        }

        HttpResponse<String> held = login(user.username(), ConsoleTestApp.PASSWORD, guesser);

        assertThat(held.code()).as("held, right password or not: not even checked").isEqualTo(429);
        assertThat(Long.parseLong(held.header("Retry-After"))).isBetween(50L, 60L);
        assertThat(held.body()).contains("Too many failed attempts. Try again in", "name=\"password\"");
        HttpResponse<String> owner = login(user.username(), ConsoleTestApp.PASSWORD, "198.51.100.20");
        assertThat(owner.header("Location")).as("the owner from their own address").isEqualTo("/");
    }

    @Test
    void unknownTokensHoldTheirAddressWith429AndJson() {
        String guesser = "203.0.113.8";
        for (int i = 0; i < 21; i++) {
            assertThat(api("bmr_guess-" + i, guesser).code()).as("guess %d", i + 1).isEqualTo(401);
        }

        HttpResponse<String> held = api(TestApp.ADMIN_TOKEN, guesser);

        assertThat(held.code()).isEqualTo(429);
        assertThat(held.header("Retry-After")).isNotBlank();
        assertThat(held.body()).contains("\"error\":\"too_many_requests\"");
        assertThat(api(TestApp.ADMIN_TOKEN, "198.51.100.21").code()).as("another address").isEqualTo(200);
    }

    @Test
    void theForwardedAddressCountsOnlyFromATrustedProxy() {
        String guesser = "203.0.113.9";
        for (int i = 0; i < 21; i++) {
            api("bmr_guess-" + i, guesser + ", 127.0.0.1");
        }

        assertThat(api(TestApp.ADMIN_TOKEN, guesser).code())
                .as("the rightmost hop that is not a trusted proxy is the client").isEqualTo(429);
        assertThat(api(TestApp.ADMIN_TOKEN, guesser + ", 198.51.100.22").code())
                .as("a client cannot name another address before its own").isEqualTo(200);
    }

    private HttpResponse<String> login(String username, String password, String address) {
        return new ConsoleClient(http).send(HttpRequest.POST("/login", Map.of("username", username, "password", password))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).header(FORWARDED_FOR, address));
    }

    private HttpResponse<String> api(String token, String forwardedFor) {
        MutableHttpRequest<?> request = HttpRequest.GET("/api/v1/items").bearerAuth(token)
                .accept(MediaType.APPLICATION_JSON_TYPE).header(FORWARDED_FOR, forwardedFor);
        return new ConsoleClient(http).send(request);
    }
}
