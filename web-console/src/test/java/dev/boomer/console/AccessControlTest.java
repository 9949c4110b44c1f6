package dev.boomer.console;

import dev.boomer.application.intake.SubmitItem;
import dev.boomer.application.intake.SubmitItemCommand;
import dev.boomer.application.intake.SubmitResult;
import dev.boomer.application.users.CreateUser;
import dev.boomer.console.photos.PhotoLinks;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.RawPhoto;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.User;
import dev.boomer.domain.user.UserRepository;
import dev.boomer.testing.TestApp;
import dev.boomer.testing.TestPhotos;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may reach what: the API takes bearer tokens only, console changes need the CSRF token, photos are private. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlTest implements TestPropertyProvider {

    private static final String PUBLIC_BASE = "https://boomer.example.com";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    CreateUser createUser;

    @Inject
    SubmitItem submitItem;

    @Inject
    UserRepository users;

    @Inject
    PhotoLinks photoLinks;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(ConsoleTestApp.properties());
        properties.put("boomer.public-base-url", PUBLIC_BASE);
        return properties;
    }

    // --- 1. the session cookie opens the console only; every console change needs the CSRF token ---

    @Test
    void anAdminsSessionCookieGivesNoAccessToTheApi() {
        ConsoleClient admin = new ConsoleClient(http);
        admin.login("admin", TestApp.ADMIN_PASSWORD);
        MultipartBody photo = MultipartBody.builder()
                .addPart("photos", "a.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(61, 320, 240)).build();

        assertThat(admin.postMultipart("/api/v1/items", photo).code()).isEqualTo(401);
        HttpResponse<String> createAdmin = admin.send(HttpRequest.POST("/api/v1/users",
                "{\"username\":\"csrfmade\",\"role\":\"ADMIN\"}").contentType(MediaType.APPLICATION_JSON_TYPE));
        assertThat(createAdmin.code()).isEqualTo(401);
        assertThat(users.findByUsername("csrfmade")).isEmpty();
        assertThat(admin.send(HttpRequest.GET("/api/v1/items")).code()).isEqualTo(401);
        // the console itself still works with the cookie
        assertThat(admin.get("/items").code()).isEqualTo(200);
    }

    @Test
    void signingOutNeedsTheCsrfToken() {
        ConsoleClient browser = signedIn(Role.OPERATOR);

        assertThat(browser.postForm("/logout", Map.of()).code()).isEqualTo(403);
        assertThat(browser.get("/items").code()).isEqualTo(200);
        assertThat(browser.postForm("/logout", Map.of("csrfToken", browser.csrfToken())).header("Location"))
                .isEqualTo("/login?logout=true");
        assertThat(browser.get("/items").header("Location")).isEqualTo("/login");
    }

    @Test
    void aConsoleChangeSentAsTextOrJsonNeedsTheCsrfHeader() {
        ConsoleClient browser = signedIn(Role.ADMIN);
        String missingJob = "/queue/jobs/00000000-0000-0000-0000-000000000001/requeue";

        assertThat(browser.send(HttpRequest.POST(missingJob, "x").contentType(MediaType.TEXT_PLAIN_TYPE)).code())
                .isEqualTo(403);
        assertThat(browser.send(HttpRequest.POST(missingJob, "{}").contentType(MediaType.APPLICATION_JSON_TYPE))
                .code()).isEqualTo(403);
    }

    // --- 2. photos only for those who may see an item holding them ---

    @Test
    void aPhotoIsServedOnlyToThoseWhoMaySeeAnItemHoldingIt() {
        User owner = ConsoleTestApp.user(createUser, Role.SELLER);
        User stranger = ConsoleTestApp.user(createUser, Role.SELLER);
        String hash = submit(owner, 62).photos().getFirst().hash().hex();
        String strangerToken = createUser.create(new CreateUser.Command("stranger-api-" + System.nanoTime(),
                Role.SELLER, java.time.ZoneOffset.UTC, Optional.empty(), Optional.empty())).apiToken();

        assertThat(login(owner).send(HttpRequest.GET("/photos/" + hash)).code()).isEqualTo(200);
        assertThat(login(stranger).send(HttpRequest.GET("/photos/" + hash)).code()).isEqualTo(404);
        assertThat(signedIn(Role.OPERATOR).send(HttpRequest.GET("/photos/" + hash)).code()).isEqualTo(200);
        assertThat(apiGet("/api/v1/photos/" + hash, TestApp.ADMIN_TOKEN).code()).isEqualTo(200);
        HttpResponse<String> hidden = apiGet("/api/v1/photos/" + hash, strangerToken);
        HttpResponse<String> missing = apiGet("/api/v1/photos/" + "0".repeat(64), strangerToken);
        assertThat(hidden.code()).isEqualTo(404);
        assertThat(hidden.body()).isEqualTo(missing.body());
        assertThat(new ConsoleClient(http).send(HttpRequest.GET("/photos/" + hash)).code()).isBetween(300, 401);
    }

    @Test
    void aSignedLinkOpensThePhotoWithoutSigningInUntilItExpires() {
        User owner = ConsoleTestApp.user(createUser, Role.SELLER);
        ContentHash photo = submit(owner, 63).photos().getFirst().hash();
        URI link = URI.create(photoLinks.linkTo(photo).orElseThrow());
        assertThat(link.toString()).startsWith(PUBLIC_BASE + "/public/photos/" + photo.hex() + ".jpg?expires=");
        String local = link.getRawPath() + "?" + link.getRawQuery();
        ConsoleClient anonymous = new ConsoleClient(http);

        HttpResponse<String> opened = anonymous.send(HttpRequest.GET(local));
        assertThat(opened.code()).isEqualTo(200);
        assertThat(opened.header("Content-Type")).isEqualTo("image/jpeg");

        String expired = local.replaceFirst("expires=\\d+", "expires=1000");
        assertThat(anonymous.send(HttpRequest.GET(expired)).code()).isEqualTo(404);
        String otherPhoto = local.replace(photo.hex(), submit(owner, 64).photos().getFirst().hash().hex());
        assertThat(anonymous.send(HttpRequest.GET(otherPhoto)).code()).isEqualTo(404);
        assertThat(anonymous.send(HttpRequest.GET(link.getRawPath())).code()).isEqualTo(404);
    }

    // --- 4. /health: status for everyone, details for admins only ---

    @Test
    void healthShowsDetailsOnlyToASignedInAdmin() {
        assertThat(new ConsoleClient(http).send(HttpRequest.GET("/health")).body())
                .contains("\"status\":\"UP\"").doesNotContain("details", "jdbc", "postgresql");
        assertThat(signedIn(Role.OPERATOR).send(HttpRequest.GET("/health")).body())
                .contains("\"status\":\"UP\"").doesNotContain("details", "jdbc");
        ConsoleClient admin = new ConsoleClient(http);
        admin.login("admin", TestApp.ADMIN_PASSWORD);
        assertThat(admin.send(HttpRequest.GET("/health")).body()).contains("\"status\":\"UP\"", "details", "jdbc");
    }

    // --- 13. unknown URLs are 404, not 403; browsers get their icon ---

    @Test
    void anUnknownUrlIsNotFoundForASignedInAdmin() {
        ConsoleClient admin = new ConsoleClient(http);
        admin.login("admin", TestApp.ADMIN_PASSWORD);

        assertThat(admin.get("/nowhere").code()).isEqualTo(404);
        assertThat(admin.get("/items/extra/segments").code()).isEqualTo(404);
        assertThat(apiGet("/api/v1/nothing", TestApp.ADMIN_TOKEN).code()).isEqualTo(404);
        assertThat(new ConsoleClient(http).get("/nowhere").code()).as("anonymous").isEqualTo(404);
    }

    @Test
    void theFaviconIsServedToEveryone() {
        HttpResponse<byte[]> icon = http.toBlocking().exchange(HttpRequest.GET("/favicon.ico"), byte[].class);

        assertThat(icon.code()).isEqualTo(200);
        assertThat(icon.getContentType()).contains(MediaType.IMAGE_PNG_TYPE);
        assertThat(icon.body()).startsWith(0x89, 'P', 'N', 'G');
    }

    // --- 14. tests never depend on a fixed port ---

    @Test
    void theTestServerRunsOnARandomPortNotTheDefaultOne() {
        assertThat(server.getPort()).isNotEqualTo(8080);
    }

    private Item submit(User owner, int seed) {
        var result = submitItem.submit(new SubmitItemCommand(owner.id(), List.of(new RawPhoto("p.jpg",
                Optional.of("image/jpeg"), TestPhotos.jpeg(seed, 320, 240))), Priority.NORMAL, Optional.empty()));
        return ((SubmitResult.Accepted) result).item();
    }

    private HttpResponse<String> apiGet(String path, String token) {
        return new ConsoleClient(http).send(HttpRequest.GET(path).bearerAuth(token));
    }

    private ConsoleClient login(User user) {
        ConsoleClient browser = new ConsoleClient(http);
        assertThat(browser.login(user.username(), ConsoleTestApp.PASSWORD).header("Location")).isEqualTo("/");
        return browser;
    }

    private ConsoleClient signedIn(Role role) {
        return login(ConsoleTestApp.user(createUser, role));
    }
}
