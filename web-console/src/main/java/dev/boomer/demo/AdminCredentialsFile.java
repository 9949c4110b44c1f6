package dev.boomer.demo;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code <boomer.data-dir>/admin-credentials.txt}: where generated admin credentials go, readable by the
 * user Boomer runs as only. Never the log: logs are shipped, kept and read by more people than the admin.
 */
@Singleton
class AdminCredentialsFile {

    static final String NAME = "admin-credentials.txt";

    private final Path file;

    AdminCredentialsFile(@Value("${boomer.data-dir}") Path dataDir) {
        this.file = dataDir.resolve(NAME);
    }

    Path path() {
        return file;
    }

    /** Replaces the file with these lines; created owner-only, so no other user can read it even briefly. */
    void write(String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the admin credentials to " + file, e);
        }
    }
}
