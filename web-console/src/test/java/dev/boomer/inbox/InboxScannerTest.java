package dev.boomer.inbox;

import dev.boomer.domain.fixtures.MutableClock;

import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.User;
import dev.boomer.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class InboxScannerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration QUIET = Duration.ofSeconds(10);
    private static final UserId ALICE = UserId.random();

    @TempDir
    Path inbox;
    @TempDir
    Path outside;

    private final MutableClock clock = new MutableClock(NOW);
    private final IntakeDoubles intake = new IntakeDoubles(clock);
    private InboxScanner scanner;

    @BeforeEach
    void scanner() {
        scanner = scannerOver(inbox);
    }

    @Test
    void aReadyFolderIsSubmittedAndMovedToDone() throws IOException {
        Path folder = drop("alice", "LAMP-001", Map.of("b.jpg", IntakeDoubles.JPEG, "a.jpg", jpeg(2),
                "READY", new byte[0], "notes.txt", "blue lamp".getBytes()));

        List<InboxOutcome> outcomes = scanner.scanOnce();

        assertThat(outcomes).singleElement().isInstanceOfSatisfying(InboxOutcome.Submitted.class, submitted -> {
            Item item = intake.items.byId.get(submitted.item());
            assertThat(item.owner()).isEqualTo(ALICE);
            assertThat(item.photos()).hasSize(2);
            assertThat(item.sku()).contains("LAMP-001");
            assertThat(item.priority()).isEqualTo(Priority.NORMAL);
            assertThat(submitted.movedTo()).isEqualTo(inbox.resolve(".done/alice/LAMP-001-" + item.id()));
            assertThat(submitted.movedTo().resolve("a.jpg")).exists();
        });
        assertThat(intake.queue.enqueued).hasSize(1);
        assertThat(folder).doesNotExist();
        assertThat(inbox.resolve(".processing/alice")).isEmptyDirectory();
    }

    @Test
    void aQuietFolderIsTakenOnlyAfterTheQuietPeriod() throws IOException {
        Path folder = drop("alice", "mug", Map.of("a.jpg", IntakeDoubles.JPEG));

        assertThat(scanner.scanOnce()).isEmpty();
        clock.advance(Duration.ofSeconds(9));
        assertThat(scanner.scanOnce()).isEmpty();
        assertThat(folder).exists();

        clock.advance(Duration.ofSeconds(2));
        assertThat(scanner.scanOnce()).singleElement().isInstanceOf(InboxOutcome.Submitted.class);
        assertThat(folder).doesNotExist();
    }

    @Test
    void aFileWrittenLateRestartsTheQuietPeriod() throws IOException {
        Path folder = drop("alice", "mug", Map.of("a.jpg", IntakeDoubles.JPEG));
        clock.advance(Duration.ofSeconds(8));
        Files.setLastModifiedTime(folder.resolve("a.jpg"), FileTime.from(clock.instant()));

        clock.advance(Duration.ofSeconds(8));
        assertThat(scanner.scanOnce()).isEmpty();

        clock.advance(Duration.ofSeconds(3));
        assertThat(scanner.scanOnce()).hasSize(1);
    }

    @Test
    void aFolderIsTakenOnceWhenScannedTwiceOrByTwoScanners() throws IOException {
        drop("alice", "book", Map.of("a.jpg", IntakeDoubles.JPEG, "READY", new byte[0]));
        InboxScanner other = scannerOver(inbox);

        List<InboxOutcome> first = scanner.scanOnce();
        List<InboxOutcome> second = scanner.scanOnce();
        List<InboxOutcome> third = other.scanOnce();

        assertThat(first).hasSize(1);
        assertThat(second).isEmpty();
        assertThat(third).isEmpty();
        assertThat(intake.items.byId).hasSize(1);
    }

    @Test
    void aRejectedPhotoSendsTheFolderToRejectedWithItsReason() throws IOException {
        drop("alice", "lamp", Map.of("a.jpg", IntakeDoubles.JPEG, "b.png", "not an image".getBytes(),
                "READY", new byte[0]));

        InboxOutcome outcome = scanner.scanOnce().getFirst();

        InboxOutcome.Rejected rejected = (InboxOutcome.Rejected) outcome;
        assertThat(rejected.code()).isEqualTo("unsupported_media_type");
        assertThat(rejected.movedTo().getParent()).isEqualTo(inbox.resolve(".rejected/alice"));
        assertThat(rejected.movedTo().getFileName().toString()).isEqualTo("lamp-20260301T100000000Z");
        assertThat(rejected.movedTo().resolve("b.png")).exists();
        assertThat(rejected.movedTo().resolve("REASON.txt")).content()
                .startsWith("unsupported_media_type\n").contains("b.png");
        assertThat(intake.items.byId).isEmpty();
        assertThat(intake.photos.stored).isEmpty();
    }

    @Test
    void theSameFolderNameRejectedTwiceKeepsBoth() throws IOException {
        drop("alice", "lamp", Map.of("READY", new byte[0]));
        scanner.scanOnce();
        drop("alice", "lamp", Map.of("READY", new byte[0]));

        InboxOutcome.Rejected second = (InboxOutcome.Rejected) scanner.scanOnce().getFirst();

        assertThat(second.movedTo().getFileName().toString()).isEqualTo("lamp-20260301T100000000Z-2");
        try (Stream<Path> rejected = Files.list(inbox.resolve(".rejected/alice"))) {
            assertThat(rejected).hasSize(2);
        }
    }

    @Test
    void anUnknownUserIsRejected() throws IOException {
        drop("mallory", "lamp", Map.of("a.jpg", IntakeDoubles.JPEG, "READY", new byte[0]));

        InboxOutcome.Rejected rejected = (InboxOutcome.Rejected) scanner.scanOnce().getFirst();

        assertThat(rejected.code()).isEqualTo("unknown_user");
        assertThat(rejected.movedTo().getParent()).isEqualTo(inbox.resolve(".rejected/mallory"));
        assertThat(rejected.movedTo().resolve("REASON.txt")).content().startsWith("unknown_user\n");
        assertThat(intake.items.byId).isEmpty();
    }

    @Test
    void aFolderWithoutPhotosIsRejected() throws IOException {
        drop("alice", "lamp", Map.of("notes.txt", "hello".getBytes(), "READY", new byte[0]));

        InboxOutcome.Rejected rejected = (InboxOutcome.Rejected) scanner.scanOnce().getFirst();

        assertThat(rejected.code()).isEqualTo("no_photos");
    }

    @Test
    void aSymlinkedFolderIsRefusedAndNeverFollowed() throws IOException {
        Files.write(outside.resolve("a.jpg"), IntakeDoubles.JPEG);
        Files.createDirectories(inbox.resolve("alice"));
        Files.createSymbolicLink(inbox.resolve("alice/linked"), outside);

        InboxOutcome.Rejected rejected = (InboxOutcome.Rejected) scanner.scanOnce().getFirst();

        assertThat(rejected.code()).isEqualTo("symlink");
        assertThat(Files.isSymbolicLink(rejected.movedTo().resolve("linked"))).isTrue();
        assertThat(rejected.movedTo().resolve("REASON.txt")).content().startsWith("symlink\n");
        try (Stream<Path> untouched = Files.list(outside)) {
            assertThat(untouched).containsExactly(outside.resolve("a.jpg"));
        }
        assertThat(intake.items.byId).isEmpty();
    }

    @Test
    void aSymlinkedPhotoIsRefusedAndNeverRead() throws IOException {
        Files.write(outside.resolve("secret.jpg"), IntakeDoubles.JPEG);
        Path folder = drop("alice", "lamp", Map.of("a.jpg", IntakeDoubles.JPEG));
        Files.createSymbolicLink(folder.resolve("b.jpg"), outside.resolve("secret.jpg"));
        Files.write(folder.resolve("READY"), new byte[0]);

        InboxOutcome.Rejected rejected = (InboxOutcome.Rejected) scanner.scanOnce().getFirst();

        assertThat(rejected.code()).isEqualTo("symlink");
        assertThat(rejected.message()).contains("b.jpg");
        assertThat(outside.resolve("secret.jpg")).exists();
        assertThat(intake.items.byId).isEmpty();
    }

    @Test
    void aHardLinkToAFileOutsideTheInboxIsRefusedAndNeverRead() throws IOException {
        Path secret = Files.write(outside.resolve("secret.jpg"), IntakeDoubles.JPEG);
        Path folder = drop("alice", "lamp", Map.of("a.jpg", IntakeDoubles.JPEG));
        Files.createLink(folder.resolve("b.jpg"), secret);
        Files.write(folder.resolve("READY"), new byte[0]);

        InboxOutcome.Rejected rejected = (InboxOutcome.Rejected) scanner.scanOnce().getFirst();

        assertThat(rejected.code()).isEqualTo("hard_link");
        assertThat(rejected.message()).contains("b.jpg");
        assertThat(secret).exists();
        assertThat(intake.items.byId).isEmpty();
    }

    @Test
    void aPlantedReasonLinkIsReplacedNotWrittenThrough() throws IOException {
        Path target = Files.writeString(outside.resolve("victim.txt"), "keep me");
        Path folder = drop("mallory", "lamp", Map.of("a.jpg", IntakeDoubles.JPEG));
        Files.createSymbolicLink(folder.resolve("REASON.txt"), target);
        Files.write(folder.resolve("READY"), new byte[0]);

        InboxOutcome.Rejected rejected = (InboxOutcome.Rejected) scanner.scanOnce().getFirst();

        assertThat(target).content().isEqualTo("keep me");
        assertThat(Files.isSymbolicLink(rejected.movedTo().resolve("REASON.txt"))).isFalse();
    }

    @Test
    void namesStartingWithADotAreIgnored() throws IOException {
        drop("alice", "lamp", Map.of("a.jpg", IntakeDoubles.JPEG, ".b.jpg", "not an image".getBytes(),
                "READY", new byte[0]));
        Path hiddenFolder = drop("alice", ".draft", Map.of("a.jpg", IntakeDoubles.JPEG, "READY", new byte[0]));
        Path hiddenUser = drop(".alice", "lamp", Map.of("a.jpg", IntakeDoubles.JPEG, "READY", new byte[0]));

        List<InboxOutcome> outcomes = scanner.scanOnce();

        assertThat(outcomes).singleElement().isInstanceOfSatisfying(InboxOutcome.Submitted.class, submitted ->
                assertThat(intake.items.byId.get(submitted.item()).photos()).hasSize(1));
        assertThat(hiddenFolder).exists();
        assertThat(hiddenUser).exists();
    }

    @Test
    void aPriorityFileSetsThePriority() throws IOException {
        drop("alice", "lamp", Map.of("a.jpg", IntakeDoubles.JPEG, "PRIORITY", "urgent\n".getBytes(),
                "READY", new byte[0]));

        assertThat(scanner.scanOnce()).singleElement().isInstanceOf(InboxOutcome.Submitted.class);
        assertThat(intake.queue.priorities).containsExactly(Priority.URGENT);
    }

    @Test
    void anUnknownPriorityIsRejected() throws IOException {
        drop("alice", "lamp", Map.of("a.jpg", IntakeDoubles.JPEG, "PRIORITY", "asap".getBytes(),
                "READY", new byte[0]));

        assertThat(((InboxOutcome.Rejected) scanner.scanOnce().getFirst()).code()).isEqualTo("invalid_priority");
    }

    @Test
    void anOversizedPhotoIsRejectedWithoutReadingIt() throws IOException {
        Path folder = drop("alice", "lamp", Map.of("a.jpg", IntakeDoubles.JPEG, "READY", new byte[0]));
        try (RandomAccessFile huge = new RandomAccessFile(folder.resolve("b.jpg").toFile(), "rw")) {
            huge.setLength(ItemFolderReader.MAX_PHOTO_BYTES + 1); // sparse: costs no disk
        }

        InboxOutcome.Rejected rejected = (InboxOutcome.Rejected) scanner.scanOnce().getFirst();

        assertThat(rejected.code()).isEqualTo("file_too_large");
        assertThat(rejected.message()).contains("b.jpg");
    }

    @Test
    void moreThanTwelvePhotosAreRejected() throws IOException {
        Path folder = drop("alice", "lamp", Map.of("READY", new byte[0]));
        for (int i = 0; i <= Item.MAX_PHOTOS; i++) {
            Files.write(folder.resolve("p" + i + ".jpg"), jpeg(i));
        }

        assertThat(((InboxOutcome.Rejected) scanner.scanOnce().getFirst()).code()).isEqualTo("too_many_photos");
    }

    @Test
    void aFolderNameThatIsNoSkuIsSubmittedWithoutOne() throws IOException {
        drop("alice", "blue lamp (old)", Map.of("a.jpg", IntakeDoubles.JPEG, "READY", new byte[0]));

        InboxOutcome.Submitted submitted = (InboxOutcome.Submitted) scanner.scanOnce().getFirst();

        assertThat(intake.items.byId.get(submitted.item()).sku()).isEmpty();
    }

    @Test
    void anUnexpectedFailurePutsTheFolderBackForALaterScan() throws IOException {
        Path folder = drop("alice", "lamp", Map.of("a.jpg", IntakeDoubles.JPEG, "READY", new byte[0]));
        intake.items.outage = new IllegalStateException("database down");

        assertThat(scanner.scanOnce()).singleElement().isInstanceOf(InboxOutcome.Failed.class);
        assertThat(folder.resolve("a.jpg")).exists();

        intake.items.outage = null;
        assertThat(scanner.scanOnce()).singleElement().isInstanceOf(InboxOutcome.Submitted.class);
    }

    @Test
    void aViewersFoldersAreNotTakenForTheyMayNotSubmit() throws IOException {
        Path folder = drop("victor", "lamp", Map.of("a.jpg", IntakeDoubles.JPEG, "READY", new byte[0]));

        assertThat(scanner.scanOnce()).isEmpty();

        assertThat(folder.resolve("a.jpg")).exists();
        assertThat(inbox.resolve(InboxScanner.REJECTED)).doesNotExist();
        assertThat(intake.items.byId).isEmpty();
    }

    @Test
    void aMissingInboxIsNoError() {
        assertThat(scannerOver(inbox.resolve("not-yet")).scanOnce()).isEmpty();
    }

    private InboxScanner scannerOver(Path dir) {
        return new InboxScanner(dir, clock, QUIET,
                username -> switch (username) {
                    case "alice" -> Optional.of(new User(ALICE, "alice", Role.SELLER, ZoneOffset.UTC, clock.instant()));
                    case "victor" -> Optional.of(new User(UserId.random(), "victor", Role.VIEWER, ZoneOffset.UTC,
                            clock.instant()));
                    default -> Optional.empty();
                }, intake.submitItem);
    }

    /** Writes the files and dates everything at the clock's now, as if just dropped. */
    private Path drop(String user, String name, Map<String, byte[]> files) throws IOException {
        Path folder = Files.createDirectories(inbox.resolve(user).resolve(name));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.setLastModifiedTime(Files.write(folder.resolve(file.getKey()), file.getValue()),
                    FileTime.from(clock.instant()));
        }
        Files.setLastModifiedTime(folder, FileTime.from(clock.instant()));
        return folder;
    }

    private static byte[] jpeg(int variant) {
        byte[] bytes = IntakeDoubles.JPEG.clone();
        bytes[bytes.length - 1] = (byte) (100 + variant);
        return bytes;
    }
}
