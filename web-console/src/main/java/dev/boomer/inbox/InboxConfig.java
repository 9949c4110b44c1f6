package dev.boomer.inbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The inbox folder watcher ({@code boomer.inbox.*}; {@code BOOMER_INBOX_DIR} sets the folder).
 *
 * @param dir          where {@code <username>/<item folder>/} photo folders are dropped; when unset,
 *                     {@code <boomer.data-dir>/inbox} (a {@code @Bindable} default cannot name another key)
 * @param quietPeriod  a folder without a {@code READY} file is taken once nothing in it changed this long
 * @param scanInterval pause between two scans
 * @param enabled      false turns the watcher off (the REST API and console still take items)
 */
@ConfigurationProperties("boomer.inbox")
public record InboxConfig(
        Optional<Path> dir,
        @Bindable(defaultValue = "10s") Duration quietPeriod,
        @Bindable(defaultValue = "2s") Duration scanInterval,
        @Bindable(defaultValue = "true") boolean enabled) {

    static final String DATA_DIR_DEFAULT = "./data";

    public InboxConfig {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(quietPeriod, "quietPeriod");
        Objects.requireNonNull(scanInterval, "scanInterval");
        if (quietPeriod.isNegative()) {
            throw new IllegalArgumentException("boomer.inbox.quiet-period must not be negative, not " + quietPeriod);
        }
        if (scanInterval.compareTo(Duration.ofMillis(10)) < 0) {
            throw new IllegalArgumentException("boomer.inbox.scan-interval must be at least 10ms, not " + scanInterval);
        }
    }

    /** The configured folder, else {@code inbox} under the data dir. */
    public Path dirUnder(Path dataDir) {
        return dir.orElseGet(() -> dataDir.resolve("inbox"));
    }
}
