package dev.boomer.domain.photo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/** SHA-256 of stored bytes, lower-case hex. Photos are stored and cached by it. */
public record ContentHash(String hex) implements Comparable<ContentHash> {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public ContentHash {
        Objects.requireNonNull(hex, "hex");
        if (!HEX64.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: '" + hex + "'");
        }
    }

    public static ContentHash of(byte[] bytes) {
        return new ContentHash(HexFormat.of().formatHex(sha256().digest(bytes)));
    }

    /** One hash for a set of photos, independent of their order. */
    public static ContentHash ofSet(Collection<ContentHash> hashes) {
        MessageDigest digest = sha256();
        hashes.stream().sorted().forEach(h -> digest.update(h.hex().getBytes(StandardCharsets.US_ASCII)));
        return new ContentHash(HexFormat.of().formatHex(digest.digest()));
    }

    public static boolean isValid(String text) {
        return text != null && HEX64.matcher(text).matches();
    }

    @Override
    public int compareTo(ContentHash other) {
        return hex.compareTo(other.hex);
    }

    @Override
    public String toString() {
        return hex;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
