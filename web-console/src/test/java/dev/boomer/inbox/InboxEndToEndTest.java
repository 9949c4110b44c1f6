package dev.boomer.inbox;

import dev.boomer.application.users.CreateUser;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemQuery;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.user.Role;
import dev.boomer.testing.TestApp;
import dev.boomer.testing.TestPhotos;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The inbox door on a whole server: a folder dropped for a user becomes that user's drafted item. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxEndToEndTest implements TestPropertyProvider {

    private final Map<String, String> properties = new HashMap<>(TestApp.properties());

    @Inject
    CreateUser createUser;

    @Inject
    ItemRepository items;

    @Inject
    InboxConfig config;

    @Override
    public Map<String, String> getProperties() {
        properties.put("boomer.inbox.enabled", "true");
        properties.put("boomer.inbox.scan-interval", "100ms");
        return properties;
    }

    @Test
    void aReadyFolderBecomesADraftedItemOfItsUserAndMovesToDone() throws IOException {
        var carol = createUser.create(new CreateUser.Command("carol", Role.SELLER, ZoneOffset.UTC,
                Optional.empty(), Optional.empty())).user();
        Path inbox = config.dirUnder(Path.of(properties.get("boomer.data-dir")));
        Path folder = Files.createDirectories(inbox.resolve("carol/LAMP-7"));
        Files.write(folder.resolve("1.jpg"), TestPhotos.jpeg(21, 640, 480));
        Files.write(folder.resolve("2.jpg"), TestPhotos.jpeg(22, 640, 480));
        Files.write(folder.resolve("READY"), new byte[0]);

        Item item = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> items.find(ItemQuery.ofOwner(carol.id(), Optional.empty(), 10)),
                        found -> found.size() == 1 && found.get(0).status().isSettled())
                .get(0);

        assertThat(item.status()).isIn(ItemStatus.DRAFTED, ItemStatus.NEEDS_REVIEW);
        assertThat(item.photos()).hasSize(2);
        assertThat(item.sku()).contains("LAMP-7");
        assertThat(folder).doesNotExist();
        try (var done = Files.list(inbox.resolve(".done/carol"))) {
            List<Path> moved = done.toList();
            assertThat(moved).singleElement().satisfies(p ->
                    assertThat(p.getFileName().toString()).startsWith("LAMP-7-").endsWith(item.id().toString()));
        }
    }

    @Test
    void aFolderForAnUnknownUserIsRejectedWithAReason() throws IOException {
        Path inbox = config.dirUnder(Path.of(properties.get("boomer.data-dir")));
        Path folder = Files.createDirectories(inbox.resolve("nobody/box"));
        Files.write(folder.resolve("1.jpg"), TestPhotos.jpeg(23, 320, 240));
        Files.write(folder.resolve("READY"), new byte[0]);

        Path rejected = inbox.resolve(".rejected/nobody");
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.isDirectory(rejected)
                && Files.list(rejected).findAny().isPresent());
        try (var list = Files.list(rejected)) {
            Path moved = list.findFirst().orElseThrow();
            assertThat(Files.readString(moved.resolve("REASON.txt"))).isNotBlank();
        }
    }
}
