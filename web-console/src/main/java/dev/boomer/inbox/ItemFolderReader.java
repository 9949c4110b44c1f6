package dev.boomer.inbox;

import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.photo.RawPhoto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a folder the scanner has taken, trusting nothing in it: symbolic links and files with more than
 * one hard link are refused, never followed; every path must stay inside the inbox; sizes are checked before anything is read, and no read
 * goes past the limit even if a file grows meanwhile.
 */
final class ItemFolderReader {

    static final String READY = "READY";
    static final String PRIORITY = "PRIORITY";
    static final long MAX_PHOTO_BYTES = 50L * 1024 * 1024;

    private static final int MAX_PRIORITY_BYTES = 64;
    private static final Map<String, String> PHOTO_TYPES = Map.of(
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png", "webp", "image/webp");

    private final Path inbox;

    ItemFolderReader(Path inbox) {
        this.inbox = inbox;
    }

    FolderContents read(Path folder) throws IOException {
        if (Files.isSymbolicLink(folder)) {
            return new FolderContents.Refused("symlink", "the item folder is a symbolic link; links are not followed");
        }
        List<Path> photos = new ArrayList<>();
        Optional<Path> priorityFile = Optional.empty();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                requireInsideInbox(entry);
                if (Files.isSymbolicLink(entry)) {
                    return new FolderContents.Refused("symlink",
                            "'" + name + "' is a symbolic link; links are not followed");
                }
                if (!Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (linkCount(entry) > 1) {
                    return new FolderContents.Refused("hard_link", "'" + name + "' has other hard links;"
                            + " a hard link can reach a file outside the inbox, so linked files are not read");
                }
                if (name.equals(PRIORITY)) {
                    priorityFile = Optional.of(entry);
                } else if (mediaType(name).isPresent()) {
                    photos.add(entry);
                }
            }
        }
        if (photos.isEmpty()) {
            return new FolderContents.Refused("no_photos", "no .jpg, .jpeg, .png or .webp file in the folder");
        }
        // Refused before reading anything, so a folder of thousands of files costs no memory.
        if (photos.size() > Item.MAX_PHOTOS) {
            return new FolderContents.Refused("too_many_photos",
                    "an item takes at most " + Item.MAX_PHOTOS + " photos, the folder has " + photos.size());
        }
        photos.sort(Comparator.comparing(photo -> photo.getFileName().toString()));
        Optional<Priority> priority = priorityFile.isEmpty() ? Optional.of(Priority.NORMAL) : priority(priorityFile.get());
        if (priority.isEmpty()) {
            return new FolderContents.Refused("invalid_priority", "PRIORITY must hold URGENT, NORMAL or ECONOMY");
        }
        List<RawPhoto> raw = new ArrayList<>(photos.size());
        for (Path photo : photos) {
            String name = photo.getFileName().toString();
            long size = Files.readAttributes(photo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size();
            Optional<byte[]> bytes = size > MAX_PHOTO_BYTES ? Optional.empty() : readAtMost(photo, MAX_PHOTO_BYTES);
            if (bytes.isEmpty()) {
                return new FolderContents.Refused("file_too_large",
                        "'" + name + "' is larger than " + MAX_PHOTO_BYTES / (1024 * 1024) + " MiB");
            }
            raw.add(new RawPhoto(name, mediaType(name), bytes.get()));
        }
        return new FolderContents.Photos(raw, priority.get());
    }

    /** 1 where the file system cannot tell (it has no hard links then either). */
    private static int linkCount(Path file) throws IOException {
        try {
            return (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
            return 1;
        }
    }

    /** Defence in depth: a directory listing yields children only, but a path outside is never touched. */
    void requireInsideInbox(Path path) {
        Path root = inbox.toAbsolutePath().normalize();
        if (!path.toAbsolutePath().normalize().startsWith(root)) {
            throw new SecurityException("path escapes the inbox: " + path);
        }
    }

    static Optional<String> mediaType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? Optional.empty()
                : Optional.ofNullable(PHOTO_TYPES.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    private static Optional<Priority> priority(Path file) throws IOException {
        Optional<byte[]> bytes = readAtMost(file, MAX_PRIORITY_BYTES);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        String text = new String(bytes.get(), StandardCharsets.UTF_8).strip().toUpperCase(Locale.ROOT);
        for (Priority priority : Priority.values()) {
            if (priority.name().equals(text)) {
                return Optional.of(priority);
            }
        }
        return Optional.empty();
    }

    /** Empty when the file holds more than {@code limit} bytes. */
    private static Optional<byte[]> readAtMost(Path file, long limit) throws IOException {
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) limit + 1);
            return bytes.length > limit ? Optional.empty() : Optional.of(bytes);
        }
    }
}
