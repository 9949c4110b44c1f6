package dev.boomer.domain.security;

/**
 * Secret keys for what Boomer signs itself (links to photos that must open without signing in). Every
 * instance gets the same key for a purpose, made at first use, so a link signed by one instance opens on
 * any other.
 */
public interface SigningKeys {

    /** At least 32 random bytes, the same for this purpose on every instance and across restarts. */
    byte[] key(String purpose);
}
