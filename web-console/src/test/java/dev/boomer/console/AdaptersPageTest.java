package dev.boomer.console;

import dev.boomer.application.users.CreateUser;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.User;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The adapters page names the configured provider, its endpoint, tier models and prices, and never the key. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdaptersPageTest implements TestPropertyProvider {

    private static final String KEY = "sk-ant-api03-never-shown";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    CreateUser createUser;

    private ConsoleClient operator;
    private ConsoleClient viewer;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(ConsoleTestApp.properties());
        properties.put("boomer.jobs.server-enabled", "false");
        properties.put("boomer.vision.provider", "anthropic");
        properties.put("boomer.vision.anthropic.api-key", KEY);
        properties.put("boomer.vision.anthropic.base-url", "http://127.0.0.1:9/anthropic-proxy");
        properties.put("boomer.vision.anthropic.models.smart", "claude-opus-4-5");
        properties.put("boomer.vision.anthropic.limits.requests-per-minute", "40");
        return properties;
    }

    @BeforeAll
    void signIn() {
        operator = new ConsoleClient(http);
        User user = ConsoleTestApp.user(createUser, Role.OPERATOR);
        operator.login(user.username(), ConsoleTestApp.PASSWORD);
        viewer = new ConsoleClient(http);
        User looker = ConsoleTestApp.user(createUser, Role.SELLER);
        viewer.login(looker.username(), ConsoleTestApp.PASSWORD);
    }

    @Test
    void operatorsSeeTheActiveProviderItsModelsAndPrices() {
        HttpResponse<String> page = operator.get("/adapters");

        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"vision-provider\">anthropic<", "http://127.0.0.1:9/anthropic-proxy",
                "claude-haiku-4-5", "claude-opus-4-5", "$1.00", "$5.00", "$1.25", "$0.10", "$25.00",
                "href=\"/adapters\"");
        assertThat(page.body()).doesNotContain(KEY);
    }

    @Test
    void eachModelsGuardIsShownLiveWithWhatIsLeftOfItsLimits() {
        String page = operator.get("/adapters").body();
        String fragment = operator.getFragment("/adapters").body();

        assertThat(page).contains("id=\"guard-states\"", "data-guard=\"anthropic:claude-haiku-4-5\"",
                "data-guard=\"anthropic:claude-opus-4-5\"", "CLOSED", "40 of 40/min", "30000 of 30000/min",
                "hx-trigger=\"every 5s\"");
        assertThat(fragment).startsWith("<div class=\"card\" id=\"guards\"").contains("40 of 40/min")
                .doesNotContain("vision-tiers");
    }

    @Test
    void viewersMayNotSeeIt() {
        assertThat(viewer.get("/adapters").code()).isEqualTo(403);
    }
}
