package dev.boomer.console;

import dev.boomer.application.users.CreateUser;
import dev.boomer.domain.budget.Budgets;
import dev.boomer.domain.budget.Reservation;
import dev.boomer.domain.cost.CostKey;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.user.Credentials;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.User;
import dev.boomer.application.users.Secrets;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The users and budgets page: spend against limits, in-place budget editing, tokens, audit, export, banner. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsersPageTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    CreateUser createUser;

    @Inject
    Budgets budgets;

    @Inject
    Credentials credentials;

    private ConsoleClient admin;
    private ConsoleClient operator;
    private User adminUser;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(ConsoleTestApp.properties());
        properties.put("boomer.jobs.server-enabled", "false");
        return properties;
    }

    @BeforeAll
    void signIn() {
        adminUser = ConsoleTestApp.user(createUser, Role.ADMIN);
        admin = new ConsoleClient(http);
        admin.login(adminUser.username(), ConsoleTestApp.PASSWORD);
        User op = ConsoleTestApp.user(createUser, Role.OPERATOR);
        operator = new ConsoleClient(http);
        operator.login(op.username(), ConsoleTestApp.PASSWORD);
    }

    @Test
    void aBudgetIsEditedInPlaceWithErrorsShownInlineAndEveryChangeAudited() {
        User reseller = ConsoleTestApp.user(createUser, Role.SELLER);
        String path = "/users/" + reseller.username() + "/budget";

        String form = admin.getFragment(path).body();
        assertThat(form).contains("id=\"budget-form\"", "hx-post=\"" + path + "\"", "name=\"hardLimitUsd\"")
                .doesNotContain("<html");

        HttpResponse<String> refused = htmxPost(admin, path, Map.of("period", "DAILY", "timeZone", "Mars/Base",
                "hardLimitUsd", "-5", "softLimitUsd", "abc"));
        assertThat(refused.code()).isEqualTo(200);
        assertThat(refused.body()).contains("is not a time zone", "must not be negative", "is not an amount",
                "value=\"-5\"");

        HttpResponse<String> tooHigh = htmxPost(admin, path, Map.of("period", "DAILY", "timeZone", "UTC",
                "hardLimitUsd", "5", "softLimitUsd", "6"));
        assertThat(tooHigh.body()).contains("must not be above the hard limit");

        HttpResponse<String> saved = htmxPost(admin, path, Map.of("period", "WEEKLY", "timeZone", "Europe/Berlin",
                "hardLimitUsd", "25", "softLimitUsd", "20"));
        assertThat(saved.body()).contains("Saved.");
        assertThat(saved.header("HX-Trigger")).isEqualTo("budgetsChanged");

        String page = admin.get("/users").body();
        assertThat(page).contains("id=\"user-" + reseller.username() + "\"", "weekly · $25.00 (soft $20.00)",
                "class=\"spend-bar\"", "id=\"audit-log\"", adminUser.username(), "no budget of its own");
        assertThat(admin.getFragment("/users?fragment=table").body()).startsWith("<div id=\"users-table\"");
    }

    @Test
    void operatorsSeeTheBudgetsButOnlyAdminsChangeThem() {
        User reseller = ConsoleTestApp.user(createUser, Role.SELLER);

        String page = operator.get("/users").body();
        assertThat(page).contains(reseller.username()).doesNotContain("Export CSV", "hx-get=\"/users/"
                + reseller.username() + "/budget\"");
        HttpResponse<String> attempt = htmxPost(operator, "/users/" + reseller.username() + "/budget",
                Map.of("period", "DAILY", "timeZone", "UTC", "hardLimitUsd", "1000"));
        assertThat(attempt.code()).isEqualTo(403);
    }

    @Test
    void tokensAreCreatedShownOnceAndRevoked() {
        User reseller = ConsoleTestApp.user(createUser, Role.SELLER);
        String tokens = "/users/" + reseller.username() + "/tokens";

        HttpResponse<String> created = htmxPost(admin, tokens, Map.of("label", "back office scanner"));
        Matcher secret = Pattern.compile("(bmr_[A-Za-z0-9_-]+)").matcher(created.body());
        assertThat(secret.find()).isTrue();
        String token = secret.group(1);
        assertThat(credentials.userForToken(Secrets.tokenHash(token))).contains(reseller.id());
        assertThat(admin.getFragment(tokens).body()).contains("back office scanner").doesNotContain(token);

        Matcher revoke = Pattern.compile("hx-post=\"(" + Pattern.quote(tokens) + "/[0-9a-f-]+/revoke)\"")
                .matcher(admin.getFragment(tokens).body());
        assertThat(revoke.find()).isTrue();
        HttpResponse<String> revoked = htmxPost(admin, revoke.group(1), Map.of());
        assertThat(revoked.body()).contains("revoked ");
        assertThat(credentials.userForToken(Secrets.tokenHash(token))).isEmpty();
        assertThat(admin.getFragment("/users?fragment=audit").body())
                .contains("issued an API token to " + reseller.username(), "token: back office scanner",
                        "revoked an API token of " + reseller.username())
                .doesNotContain(token);
    }

    @Test
    void aUserCreatedThroughTheApiIsInTheAuditLogWithWhoCreatedIt() {
        String username = "audited-" + System.nanoTime() % 100_000;
        HttpResponse<String> created = admin.send(HttpRequest.POST("/api/v1/users",
                        Map.of("username", username, "role", "SELLER")).bearerAuth(dev.boomer.testing.TestApp.ADMIN_TOKEN)
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertThat(created.code()).isEqualTo(201);

        String audit = operator.getFragment("/users?fragment=audit").body().strip();

        assertThat(audit).startsWith("<div class=\"card\" id=\"audit-card\"").doesNotContain("<html")
                .contains("created the user " + username, "role: SELLER", ">admin<");
    }

    @Test
    void theLedgerExportsFromTheConsoleAndABannerNamesUsersPastTheirSoftLimit() {
        User reseller = ConsoleTestApp.user(createUser, Role.SELLER);
        htmxPost(admin, "/users/" + reseller.username() + "/budget", Map.of("period", "MONTHLY", "timeZone", "UTC",
                "hardLimitUsd", "1", "softLimitUsd", "0.5"));
        Reservation.Granted granted = (Reservation.Granted) budgets.reserve(reseller.id(),
                new CostKey(ItemId.random(), "vision-fast", 1), Money.usd("0.6"));
        budgets.settle(granted.id(), Money.usd("0.6"));

        assertThat(admin.get("/items").body()).contains("id=\"budget-banner\"", reseller.username());
        String page = admin.get("/users").body();
        assertThat(page).contains("past soft limit · FAST only");

        HttpResponse<String> csv = admin.send(HttpRequest.GET("/users/costs.csv?user=" + adminUser.username())
                .accept(MediaType.of("text/csv")));
        assertThat(csv.code()).isEqualTo(200);
        assertThat(csv.body()).startsWith("time,username,item");
        assertThat(admin.send(HttpRequest.GET("/users/costs.csv?from=someday")).code()).isEqualTo(400);
    }

    /** As HTMX posts: the CSRF token in the X-CSRF-TOKEN header the layout's hx-headers adds. */
    private HttpResponse<String> htmxPost(ConsoleClient client, String path, Map<String, String> fields) {
        return client.send(HttpRequest.POST(path, fields).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .header("HX-Request", "true").header("X-CSRF-TOKEN", client.csrfToken())
                .accept(MediaType.TEXT_HTML_TYPE));
    }
}
