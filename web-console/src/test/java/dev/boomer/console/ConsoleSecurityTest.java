package dev.boomer.console;

import dev.boomer.application.intake.SubmitItem;
import dev.boomer.application.intake.SubmitItemCommand;
import dev.boomer.application.intake.SubmitResult;
import dev.boomer.application.users.CreateUser;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.photo.RawPhoto;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.User;
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

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSecurityTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    CreateUser createUser;

    @Inject
    SubmitItem submitItem;

    @Override
    public Map<String, String> getProperties() {
        return ConsoleTestApp.properties();
    }

    @Test
    void loginPageShowsTheFormToAnonymousVisitors() {
        HttpResponse<String> page = new ConsoleClient(http).get("/login");

        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"/login\"", "name=\"username\"", "name=\"password\"")
                .doesNotContain("Wrong username or password", "You have signed out");
        assertThat(new ConsoleClient(http).get("/login?logout=true").body()).contains("You have signed out");
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        HttpResponse<String> items = new ConsoleClient(http).get("/items");

        assertThat(items.code()).isBetween(300, 399);
        assertThat(items.header("Location")).isEqualTo("/login");
    }

    @Test
    void wrongPasswordLandsOnTheLoginPageWithAnError() {
        User user = ConsoleTestApp.user(createUser, Role.OPERATOR);
        ConsoleClient browser = new ConsoleClient(http);

        HttpResponse<String> failed = browser.login(user.username(), "not-the-password");

        assertThat(failed.code()).isBetween(300, 399);
        assertThat(failed.header("Location")).isEqualTo("/login?error=true");
        assertThat(browser.get(failed.header("Location")).body()).contains("Wrong username or password");
        assertThat(browser.get("/items").header("Location")).isEqualTo("/login");
    }

    @Test
    void loginIssuesAFreshSessionIdAndTheOldOneStopsWorking() {
        ConsoleClient browser = new ConsoleClient(http);
        browser.login("admin", TestApp.ADMIN_PASSWORD);
        String first = browser.session();
        assertThat(first).isNotBlank();
        assertThat(browser.get("/items").code()).isEqualTo(200);

        HttpResponse<String> again = browser.login("admin", TestApp.ADMIN_PASSWORD);

        assertThat(again.header("Location")).isEqualTo("/");
        String second = ConsoleClient.sessionOf(again).orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(browser.get("/items").code()).isEqualTo(200);
        ConsoleClient fixated = new ConsoleClient(http);
        fixated.useSession(first);
        assertThat(fixated.get("/items").header("Location")).isEqualTo("/login");
    }

    @Test
    void signingOutEndsTheSession() {
        ConsoleClient browser = signedIn(Role.OPERATOR);
        String page = browser.get("/items").body();
        assertThat(page).contains("action=\"/logout\"", "Sign out");

        HttpResponse<String> out = browser.postForm("/logout", Map.of("csrfToken", browser.csrfToken()));

        assertThat(out.header("Location")).isEqualTo("/login?logout=true");
        assertThat(browser.get("/items").header("Location")).isEqualTo("/login");
    }

    @Test
    void formPostWithoutTheCsrfTokenIsRefusedAndWithItIsAccepted() {
        ConsoleClient browser = signedIn(Role.ADMIN);
        String missingJob = "/queue/jobs/00000000-0000-0000-0000-000000000001/requeue";

        assertThat(browser.postForm(missingJob, Map.of()).code()).isEqualTo(403);
        assertThat(browser.postForm(missingJob, Map.of("csrfToken", "forged")).code()).isEqualTo(403);
        // past the CSRF check, the controller answers: there is no such job
        assertThat(browser.postForm(missingJob, Map.of("csrfToken", browser.csrfToken())).code()).isEqualTo(404);
    }

    @Test
    void photoUploadWithoutTheCsrfTokenIsRefusedAndWithItIsAccepted() {
        ConsoleClient browser = signedIn(Role.OPERATOR);
        MultipartBody body = MultipartBody.builder()
                .addPart("photos", "a.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(41, 320, 240)).build();

        assertThat(browser.postMultipart("/upload", body).code()).isEqualTo(403);
        assertThat(browser.postMultipart("/upload?csrfToken=forged", body).code()).isEqualTo(403);
        HttpResponse<String> accepted = browser.postMultipart("/upload?csrfToken=" + browser.csrfToken(), body);
        assertThat(accepted.code()).isEqualTo(303);
        assertThat(accepted.header("Location")).startsWith("/items/");
    }

    @Test
    void sellersAndViewersCannotOpenTheQueue() {
        for (Role role : List.of(Role.SELLER, Role.VIEWER)) {
            ConsoleClient browser = signedIn(role);

            assertThat(browser.get("/queue").code()).as(role.name()).isEqualTo(403);
            assertThat(browser.getFragment("/queue").code()).as(role.name()).isEqualTo(403);
            assertThat(browser.get("/items").body()).as(role.name()).doesNotContain("href=\"/queue\"");
        }
        assertThat(signedIn(Role.OPERATOR).get("/items").body()).contains("href=\"/queue\"");
    }

    @Test
    void aViewerReadsEveryonesItemsButCannotUploadByConsoleOrApi() {
        User seller = ConsoleTestApp.user(createUser, Role.SELLER);
        String theirs = submit(seller, 53);
        User viewerUser = ConsoleTestApp.user(createUser, Role.VIEWER);
        ConsoleClient viewer = new ConsoleClient(http);
        viewer.login(viewerUser.username(), ConsoleTestApp.PASSWORD);
        String viewerToken = createUser.create(new CreateUser.Command("viewer-api-" + System.nanoTime(), Role.VIEWER,
                ZoneOffset.UTC, Optional.empty(), Optional.empty())).apiToken();
        MultipartBody photo = MultipartBody.builder()
                .addPart("photos", "a.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(54, 320, 240)).build();

        assertThat(viewer.get("/items/" + theirs).code()).isEqualTo(200);
        HttpResponse<String> items = viewer.get("/items");
        assertThat(items.body()).contains(theirs).doesNotContain("href=\"/upload\"");
        assertThat(viewer.get("/upload").code()).isEqualTo(403);
        assertThat(viewer.postMultipart("/upload?csrfToken=" + viewer.csrfToken(), photo).code())
                .isEqualTo(403);
        assertThat(viewer.send(HttpRequest.POST("/api/v1/items", photo).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .bearerAuth(viewerToken)).code()).isEqualTo(403);
        assertThat(signedIn(Role.SELLER).get("/items").body()).contains("href=\"/upload\"");
    }

    @Test
    void aSellerSeesOwnItemsButNotSomeoneElses() {
        User viewer = ConsoleTestApp.user(createUser, Role.SELLER);
        User other = ConsoleTestApp.user(createUser, Role.SELLER);
        String own = submit(viewer, 51);
        String theirs = submit(other, 52);
        ConsoleClient browser = new ConsoleClient(http);
        browser.login(viewer.username(), ConsoleTestApp.PASSWORD);

        assertThat(browser.get("/items/" + own).code()).isEqualTo(200);
        HttpResponse<String> hidden = browser.get("/items/" + theirs);
        assertThat(hidden.code()).isEqualTo(404);
        assertThat(hidden.body()).contains("Not found").doesNotContain(theirs.substring(0, 8) + "\" data");
        assertThat(browser.get("/items").body()).contains(own).doesNotContain(theirs);
        ConsoleClient admin = signedIn(Role.ADMIN);
        assertThat(admin.get("/items/" + theirs).code()).isEqualTo(200);
    }

    private String submit(User owner, int seed) {
        var result = submitItem.submit(new SubmitItemCommand(owner.id(), List.of(new RawPhoto("p.jpg",
                Optional.of("image/jpeg"), TestPhotos.jpeg(seed, 320, 240))), Priority.NORMAL, Optional.empty()));
        return ((SubmitResult.Accepted) result).item().id().toString();
    }

    private ConsoleClient signedIn(Role role) {
        User user = ConsoleTestApp.user(createUser, role);
        ConsoleClient browser = new ConsoleClient(http);
        assertThat(browser.login(user.username(), ConsoleTestApp.PASSWORD).header("Location")).isEqualTo("/");
        return browser;
    }
}
