package dev.boomer.adapter.persistence.photo;

import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.NormalizedPhoto;
import dev.boomer.domain.photo.PhotoStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * Photos as files named by their SHA-256, sharded two levels deep ({@code ab/cd/abcd....jpg}) so that no
 * directory grows past a few thousand entries. Files are written to a temporary name and renamed into
 * place, so a reader never sees half a photo and a crash leaves at most a stray temporary file.
 */
@Singleton
@Requires(property = PhotoStores.PROPERTY, value = "filesystem", defaultValue = "filesystem")
final class FileSystemPhotoStore implements PhotoStore {

    private static final List<String> EXTENSIONS = List.of(".jpg", ".png", ".webp");

    private final Path root;

    @Inject
    FileSystemPhotoStore(@Value("${boomer.photos.dir:}") String photosDir,
                         @Value("${boomer.data-dir:./data}") String dataDir) {
        this(photosDir.isBlank() ? Path.of(dataDir, "photos") : Path.of(photosDir));
    }

    FileSystemPhotoStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    @Override
    public void put(NormalizedPhoto photo) {
        ContentHash hash = PhotoStores.checkedHash(photo);
        if (contains(hash)) {
            return;
        }
        Path target = pathFor(hash, extensionOf(photo.photo().mediaType()));
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), hash.hex(), ".tmp");
            try {
                writeDurably(temporary, photo.bytes());
                // same bytes under the same name: if another writer won the race, replacing its copy is harmless
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store photo " + hash + " under " + root, e);
        }
    }

    @Override
    public Optional<byte[]> get(ContentHash hash) {
        for (String extension : EXTENSIONS) {
            try {
                return Optional.of(Files.readAllBytes(pathFor(hash, extension)));
            } catch (NoSuchFileException e) {
                // try the next media type
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read photo " + hash, e);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean contains(ContentHash hash) {
        return EXTENSIONS.stream().anyMatch(extension -> Files.isRegularFile(pathFor(hash, extension)));
    }

    private Path pathFor(ContentHash hash, String extension) {
        String hex = hash.hex();
        return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex + extension);
    }

    private static String extensionOf(String mediaType) {
        return switch (mediaType) {
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            default -> ".jpg";
        };
    }

    private static void writeDurably(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }
}
