package dev.boomer.console;

import dev.boomer.application.users.CreateUser;
import dev.boomer.domain.audit.AuditAction;
import dev.boomer.domain.audit.AuditLog;
import dev.boomer.providers.ProviderGuards;
import dev.boomer.testing.TestApp;
import io.micronaut.context.ApplicationContext;
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

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

    @Inject
    AuditLog auditLog;

    private Map<String, String> properties;
    private ConsoleClient operator;
    private ConsoleClient viewer;
    private ConsoleClient admin;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(ConsoleTestApp.properties());
        properties.put("boomer.jobs.server-enabled", "false");
        properties.put("boomer.vision.provider", "anthropic");
        properties.put("boomer.vision.anthropic.api-key", KEY);
        properties.put("boomer.vision.anthropic.base-url", "http://127.0.0.1:9/anthropic-proxy");
        properties.put("boomer.vision.anthropic.models.smart", "claude-opus-4-5");
        properties.put("boomer.vision.anthropic.limits.requests-per-minute", "40");
        properties.put("boomer.resilience.override-poll", "200ms");
        this.properties = properties;
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
        admin = new ConsoleClient(http);
        User boss = ConsoleTestApp.user(createUser, Role.ADMIN);
        admin.login(boss.username(), ConsoleTestApp.PASSWORD);
    }

    @Test
    void operatorsSeeTheActiveProviderItsModelsAndPrices() {
        HttpResponse<String> page = operator.get("/adapters");

        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"vision-provider\">anthropic<", "http://127.0.0.1:9/anthropic-proxy",
                "claude-haiku-4-5", "claude-opus-4-5", "$1.00", "$5.00", "$1.25", "$0.10", "$25.00",
                "href=\"/adapters\"");
        assertThat(page.body()).containsPattern("(?s)Asked in this order:.*simulated</span>.*→.*history</span>"
                        + ".*→.*estimate \\(claude-haiku-4-5\\)</span>")
                .containsPattern("Categories from: <span class=\"tag\">simulated</span>");
        assertThat(page.body()).doesNotContain(KEY);
    }

    @Test
    void eachModelsGuardIsShownLiveWithWhatIsLeftOfItsLimits() {
        String page = operator.get("/adapters").body();
        String fragment = operator.getFragment("/adapters").body();

        assertThat(page).contains("id=\"guard-states\"", "data-guard=\"anthropic:claude-haiku-4-5\"",
                "data-guard=\"anthropic:claude-opus-4-5\"", "data-guard=\"simulated:quotes\"", "CLOSED", "40 of 40/min", "30000 of 30000/min",
                "hx-trigger=\"every 5s\"", "Last 5 min", "no calls");
        assertThat(fragment).startsWith("<div class=\"card\" id=\"guards\"").contains("40 of 40/min")
                .doesNotContain("vision-tiers");
    }

    @Test
    void anAdminHoldsABreakerOpenOnEveryInstanceAuditedAndReleasesIt() {
        Map<String, Object> second = new HashMap<>(properties);
        second.put("micronaut.server.port", "-1");
        second.put("boomer.data-dir", TestApp.newDataDir().toString());
        try (ApplicationContext other = ApplicationContext.run(second)) {
            ProviderGuards otherGuards = other.getBean(ProviderGuards.class);
            String csrf = admin.csrfToken();

            HttpResponse<String> held = admin.postForm("/adapters/breakers", Map.of("csrfToken", csrf,
                    "provider", "anthropic", "model", "claude-haiku-4-5", "held", "open"));

            assertThat(held.code()).isEqualTo(303);
            assertThat(admin.get("/adapters").body()).contains("FORCED_OPEN", "held open by an operator");
            await().atMost(Duration.ofSeconds(10)).until(() -> otherGuards.held("anthropic", "claude-haiku-4-5").isPresent());
            assertThat(otherGuards.states()).filteredOn(g -> g.model().equals("claude-haiku-4-5"))
                    .singleElement().satisfies(g -> assertThat(g.breaker()).isEqualTo("FORCED_OPEN"));
            assertThat(auditLog.recent(20)).anySatisfy(entry -> {
                assertThat(entry.action()).isEqualTo(AuditAction.BREAKER_HELD);
                assertThat(entry.subject()).isEqualTo("breaker:anthropic:claude-haiku-4-5");
                assertThat(entry.after()).containsEntry("held", "open");
            });

            admin.postForm("/adapters/breakers", Map.of("csrfToken", csrf, "provider", "anthropic",
                    "model", "claude-haiku-4-5", "held", "release"));

            assertThat(admin.get("/adapters").body()).doesNotContain("FORCED_OPEN");
            await().atMost(Duration.ofSeconds(10)).until(() -> otherGuards.held("anthropic", "claude-haiku-4-5").isEmpty());
            assertThat(auditLog.recent(20)).anySatisfy(entry ->
                    assertThat(entry.action()).isEqualTo(AuditAction.BREAKER_RELEASED));
        }
    }

    @Test
    void onlyAnAdminWithTheFormsTokenMayHoldABreakerAndOnlyOneThisServerGuards() {
        Map<String, String> open = Map.of("provider", "anthropic", "model", "claude-opus-4-5", "held", "open");
        Map<String, String> withToken = new HashMap<>(open);
        withToken.put("csrfToken", operator.csrfToken());

        assertThat(operator.postForm("/adapters/breakers", withToken).code()).isEqualTo(403);
        assertThat(admin.postForm("/adapters/breakers", open).code()).as("no CSRF token").isEqualTo(403);
        Map<String, String> unknown = new HashMap<>(Map.of("csrfToken", admin.csrfToken(), "provider", "anthropic",
                "model", "gpt-1", "held", "open"));
        HttpResponse<String> refused = admin.postForm("/adapters/breakers", unknown);
        assertThat(refused.code()).isEqualTo(400);
        assertThat(refused.body()).contains("provider model this server guards");
        assertThat(admin.get("/adapters").body()).doesNotContain("FORCED_OPEN");
    }

    @Test
    void viewersMayNotSeeIt() {
        assertThat(viewer.get("/adapters").code()).isEqualTo(403);
    }
}
