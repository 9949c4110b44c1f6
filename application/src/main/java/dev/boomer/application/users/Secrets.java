package dev.boomer.application.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random API tokens and passwords, and the one-way hash under which tokens are stored. */
public final class Secrets {

    public static final String TOKEN_PREFIX = "bmr_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 256 random bits, URL-safe, with a recognisable prefix (so leaked tokens can be found by scanners). */
    public static String newApiToken() {
        return TOKEN_PREFIX + randomText(32);
    }

    public static String newPassword() {
        return randomText(18);
    }

    /** Tokens carry 256 random bits, so a fast hash is enough; passwords get {@link PasswordHashing}. */
    public static String tokenHash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String randomText(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
