package dev.boomer.console;

import dev.boomer.application.users.CreateUser;
import dev.boomer.domain.audit.AuditAction;
import dev.boomer.domain.audit.AuditLog;
import dev.boomer.domain.cache.Cache;
import dev.boomer.domain.cache.CacheKey;
import dev.boomer.domain.cache.CacheTags;
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
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The Cache page: operators read and look up, admins clear (confirmed, counted, audited), sellers neither. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CachePageTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    CreateUser createUser;

    @Inject
    Cache cache;

    @Inject
    AuditLog auditLog;

    private ConsoleClient operator;
    private ConsoleClient admin;
    private ConsoleClient seller;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(ConsoleTestApp.properties());
        properties.put("boomer.jobs.server-enabled", "false");
        return properties;
    }

    @BeforeAll
    void signIn() {
        operator = signedIn(Role.OPERATOR);
        admin = signedIn(Role.ADMIN);
        seller = signedIn(Role.SELLER);
    }

    @Test
    void operatorsSeeEachLayerAndFindEntriesByPrefixButCannotClear() {
        cache.put(CacheKey.of("market", "ebay", "gtin-04960999123455", "used_good", "USD", "v3"), "quote",
                Set.of(CacheTags.gtin("04960999123455"), CacheTags.source("ebay")));

        String page = operator.get("/cache").body();
        String found = operator.get("/cache?find=market:ebay:gtin-0496").body();

        assertThat(page).contains("href=\"/cache\"", "id=\"cache-layers\"", "data-namespace=\"market\"",
                "data-layer=\"postgres\"", "saved by vision hits").doesNotContain("id=\"cache-clear\"");
        assertThat(found).contains("market:ebay:gtin-04960999123455:used_good:USD:v3", "gtin:04960999123455",
                "l1, postgres");
        assertThat(operator.postForm("/cache/clear", Map.of("kind", "all", "confirm", "yes",
                "csrfToken", operator.csrfToken())).code()).as("signed in, with the form's token, not an admin")
                .isEqualTo(403);
    }

    @Test
    void anAdminClearsATagOnceConfirmedAndTheClearIsCountedAndAudited() {
        CacheKey camera = CacheKey.of("vision", "camera-photos", "p2", "fast", "claude-haiku-4-5");
        CacheKey mug = CacheKey.of("vision", "mug-photos", "p2", "fast", "claude-haiku-4-5");
        cache.put(camera, "a camera", Set.of(CacheTags.brand("Canon")));
        cache.put(mug, "a mug", Set.of(CacheTags.brand("Le Creuset")));

        HttpResponse<String> unconfirmed = admin.postForm("/cache/clear", Map.of("kind", "tag", "value", "brand:canon",
                "csrfToken", admin.csrfToken()));
        HttpResponse<String> cleared = admin.postForm("/cache/clear",
                Map.of("kind", "tag", "value", "brand:canon", "confirm", "yes", "csrfToken", admin.csrfToken()));

        assertThat(unconfirmed.code()).isEqualTo(422);
        assertThat(unconfirmed.body()).contains("tick the box to confirm");
        assertThat(cleared.code()).isEqualTo(200);
        assertThat(cleared.body()).contains("Removed 1 entry (tag brand:canon) from every layer", "id=\"cache-clear\"",
                "hx-confirm=");
        assertThat(cache.get(camera, String.class)).isEmpty();
        assertThat(cache.get(mug, String.class)).contains("a mug");
        assertThat(auditLog.recent(5)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.CACHE_INVALIDATED);
            assertThat(entry.subject()).isEqualTo("cache:tag brand:canon");
        });
    }

    @Test
    void aClearWithoutAValueSaysWhyAndRemovesNothing() {
        HttpResponse<String> blank = admin.postForm("/cache/clear", Map.of("kind", "prefix", "value", " ",
                "confirm", "yes", "csrfToken", admin.csrfToken()));

        assertThat(blank.code()).isEqualTo(422);
        assertThat(blank.body()).contains("Nothing was removed: a cache prefix to invalidate must not be blank.");
    }

    @Test
    void anAdminQueuesTheRepricingOfStaleDrafts() {
        HttpResponse<String> queued = admin.postForm("/cache/reprice", Map.of("olderThanDays", "3",
                "csrfToken", admin.csrfToken()));
        HttpResponse<String> refused = admin.postForm("/cache/reprice", Map.of("olderThanDays", "soon",
                "csrfToken", admin.csrfToken()));

        assertThat(queued.code()).isEqualTo(200);
        assertThat(queued.body()).contains("Repricing the drafts priced over 3 days ago in the background");
        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.body()).contains("a whole number of days");
        assertThat(auditLog.recent(5)).anySatisfy(entry ->
                assertThat(entry.action()).isEqualTo(AuditAction.REPRICE_REQUESTED));
        assertThat(operator.postForm("/cache/reprice", Map.of("olderThanDays", "3",
                "csrfToken", operator.csrfToken())).code()).isEqualTo(403);
    }

    @Test
    void sellersDoNotSeeTheCache() {
        assertThat(seller.get("/cache").code()).isEqualTo(403);
        assertThat(seller.get("/items").body()).doesNotContain("href=\"/cache\"");
    }

    private ConsoleClient signedIn(Role role) {
        ConsoleClient client = new ConsoleClient(http);
        User user = ConsoleTestApp.user(createUser, role);
        client.login(user.username(), ConsoleTestApp.PASSWORD);
        return client;
    }
}
