package dev.boomer.inbox;

import dev.boomer.application.intake.SubmitItem;
import dev.boomer.application.intake.SubmitItemCommand;
import dev.boomer.application.intake.SubmitResult;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.photo.PhotoRejection;
import dev.boomer.domain.user.User;
import dev.boomer.domain.user.UserId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One pass over {@code <inbox>/<username>/<item folder>/}. A folder is taken when it holds a {@code READY}
 * file or nothing in it changed for the quiet period. Taking is an atomic rename into
 * {@code .processing/}, so two scanners (or two instances on a shared volume) never take one folder twice;
 * the folder then ends in {@code .done/} or {@code .rejected/} (with a {@code REASON.txt}). Names starting
 * with '.' are ignored, which also keeps the scanner out of its own folders.
 */
public final class InboxScanner {

    static final String PROCESSING = ".processing";
    static final String DONE = ".done";
    static final String REJECTED = ".rejected";
    static final String REASON_FILE = "REASON.txt";

    /** A folder name is used as the SKU when it looks like one. */
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (Item.MAX_SKU_LENGTH - 1) + "}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path inbox;
    private final Clock clock;
    private final Duration quietPeriod;
    private final Function<String, Optional<User>> users;
    private final SubmitItem submitItem;
    private final ItemFolderReader reader;

    /** @param users the user of a folder's name; a VIEWER's folders are left where they are */
    public InboxScanner(Path inbox, Clock clock, Duration quietPeriod, Function<String, Optional<User>> users,
                        SubmitItem submitItem) {
        this.inbox = Objects.requireNonNull(inbox, "inbox").toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.quietPeriod = Objects.requireNonNull(quietPeriod, "quietPeriod");
        this.users = Objects.requireNonNull(users, "users");
        this.submitItem = Objects.requireNonNull(submitItem, "submitItem");
        this.reader = new ItemFolderReader(this.inbox);
    }

    public Path inbox() {
        return inbox;
    }

    /** Takes every ready folder; one folder's trouble never stops the others. */
    public List<InboxOutcome> scanOnce() {
        if (!Files.isDirectory(inbox, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<InboxOutcome> outcomes = new ArrayList<>();
        for (Path userDir : visibleEntries(inbox)) {
            // A linked user folder would lead outside the inbox: it is not followed at all.
            if (Files.isSymbolicLink(userDir) || !Files.isDirectory(userDir, LinkOption.NOFOLLOW_LINKS)
                    || readsOnly(userDir.getFileName().toString())) {
                continue;
            }
            for (Path folder : visibleEntries(userDir)) {
                if (Files.isSymbolicLink(folder) || isReady(folder)) {
                    take(userDir.getFileName().toString(), folder).ifPresent(outcomes::add);
                }
            }
        }
        return outcomes;
    }

    /** A VIEWER may not submit: their folders are not taken, so nothing in them is moved or lost. */
    private boolean readsOnly(String username) {
        return users.apply(username).map(user -> !user.role().submits()).orElse(false);
    }

    private boolean isReady(Path folder) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (Files.isRegularFile(folder.resolve(ItemFolderReader.READY), LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try {
            return newestChange(folder).isBefore(clock.instant().minus(quietPeriod));
        } catch (IOException e) {
            return false; // changing under our feet: not quiet
        }
    }

    /** The folder's own time moves when files come or go; each file's when it is written. */
    private static Instant newestChange(Path folder) throws IOException {
        Instant newest = modified(folder);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                Instant changed = modified(entry);
                newest = changed.isAfter(newest) ? changed : newest;
            }
        }
        return newest;
    }

    private static Instant modified(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .lastModifiedTime().toInstant();
    }

    private Optional<InboxOutcome> take(String username, Path folder) {
        String name = folder.getFileName().toString();
        Path taken;
        try {
            reader.requireInsideInbox(folder);
            taken = inbox.resolve(PROCESSING).resolve(username).resolve(name + "-" + UUID.randomUUID());
            Files.createDirectories(taken.getParent());
            // rename(2) moves a symbolic link itself, never its target.
            Files.move(folder, taken, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException gone) {
            return Optional.empty(); // another scanner took it first
        } catch (IOException | SecurityException e) {
            return Optional.of(new InboxOutcome.Failed(username, name, "could not take the folder: " + e));
        }
        try {
            return Optional.of(process(username, name, taken));
        } catch (IOException | RuntimeException e) {
            putBack(taken, folder);
            return Optional.of(new InboxOutcome.Failed(username, name, e.toString()));
        }
    }

    private InboxOutcome process(String username, String name, Path taken) throws IOException {
        Optional<UserId> owner = users.apply(username).map(User::id);
        if (owner.isEmpty()) {
            return reject(username, name, taken, "unknown_user", "there is no user named '" + username + "'");
        }
        return switch (reader.read(taken)) {
            case FolderContents.Refused(String code, String message) -> reject(username, name, taken, code, message);
            case FolderContents.Photos photos -> {
                Optional<String> sku = SKU.matcher(name).matches() ? Optional.of(name) : Optional.empty();
                SubmitResult result = submitItem.submit(
                        new SubmitItemCommand(owner.get(), photos.photos(), photos.priority(), sku));
                yield switch (result) {
                    case SubmitResult.Accepted(Item item) -> {
                        Path done = inbox.resolve(DONE).resolve(username).resolve(name + "-" + item.id());
                        move(taken, done);
                        yield new InboxOutcome.Submitted(username, name, item.id(), done);
                    }
                    case SubmitResult.Rejected(PhotoRejection rejection) -> reject(username, name, taken,
                            rejection.reason().code(), describe(rejection));
                };
            }
        };
    }

    private InboxOutcome reject(String username, String name, Path taken, String code, String message)
            throws IOException {
        Path rejected = unique(inbox.resolve(REJECTED).resolve(username)
                .resolve(name + "-" + STAMP.format(clock.instant())));
        String reason = code + "\n" + message + "\n";
        if (Files.isSymbolicLink(taken)) {
            // Never write through a link: the link goes inside a fresh folder next to its reason.
            Files.createDirectories(rejected);
            move(taken, rejected.resolve(name));
        } else {
            move(taken, rejected);
            Files.deleteIfExists(rejected.resolve(REASON_FILE)); // the sender's own file, or a link planted there
        }
        // CREATE_NEW refuses to open an existing file or link, so the reason lands in a new file.
        Files.writeString(rejected.resolve(REASON_FILE), reason, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        return new InboxOutcome.Rejected(username, name, code, message, rejected);
    }

    private static String describe(PhotoRejection rejection) {
        return rejection.photo().isEmpty() ? rejection.message() : rejection.photo() + ": " + rejection.message();
    }

    private static void move(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Puts a folder back under its old name so that a later scan tries again; if that name is taken, it stays. */
    private static void putBack(Path taken, Path original) {
        try {
            Files.move(taken, original, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ignored) {
            // a new folder of the same name arrived, or the disk is failing: it stays for an operator
        }
    }

    private static Path unique(Path path) {
        Path candidate = path;
        for (int n = 2; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS); n++) {
            candidate = path.resolveSibling(path.getFileName() + "-" + n);
        }
        return candidate;
    }

    private static List<Path> visibleEntries(Path dir) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, entry -> !entry.getFileName().toString()
                .startsWith("."))) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            return List.of(); // a user folder removed mid-scan
        }
        entries.sort(null);
        return entries;
    }
}
