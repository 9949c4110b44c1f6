package dev.boomer.budgets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boomer.domain.budget.Budget;
import dev.boomer.domain.budget.BudgetAlerts;
import dev.boomer.domain.budget.Standing;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.user.User;
import dev.boomer.domain.user.UserRepository;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Once per period per user, when spend passes the soft limit: a log line, and a JSON POST to
 * {@code boomer.budgets.alert-webhook-url} when one is set. The console shows a banner from the same state.
 * The webhook is sent in the background; a failing hook is logged, never retried into the pipeline.
 */
@Singleton
class SoftLimitAlerts implements BudgetAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(SoftLimitAlerts.class);

    private final UserRepository users;
    private final ObjectMapper json;
    private final String webhook;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SoftLimitAlerts(UserRepository users, ObjectMapper json,
                    @Value("${boomer.budgets.alert-webhook-url:}") String webhook) {
        this.users = users;
        this.json = json;
        this.webhook = webhook.strip();
    }

    @Override
    public void softLimitPassed(Standing standing) {
        String username = users.findById(standing.user()).map(User::username).orElse(standing.user().toString());
        String soft = standing.budget().flatMap(Budget::softLimit).map(Money::plain).orElse(null);
        LOG.warn("budget alert: {} has spent {} USD this period (since {}), past the soft limit of {} USD; their "
                + "items stay on the FAST tier until the period ends", username, standing.spent().plain(),
                standing.window().firstDay(), soft);
        if (!webhook.isEmpty()) {
            post(username, standing, soft);
        }
    }

    private void post(String username, Standing standing, String soft) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "budget.soft_limit_passed");
        body.put("username", username);
        body.put("spentUsd", standing.spent().plain());
        body.put("softLimitUsd", soft);
        body.put("hardLimitUsd", standing.budget().map(b -> b.hardLimit().plain()).orElse(null));
        body.put("periodStart", standing.window().firstDay().toString());
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(webhook)).timeout(Duration.ofSeconds(10))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error != null || response.statusCode() / 100 != 2) {
                    LOG.warn("budget alert webhook for {} failed: {}", username,
                            error != null ? error.toString() : "HTTP " + response.statusCode());
                }
            });
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warn("budget alert webhook for {} not sent: {}", username, e.toString());
        }
    }
}
