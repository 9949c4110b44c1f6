package dev.boomer.application.security;

import dev.boomer.domain.security.FailedAttempts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Slows guessing of passwords and API tokens with delays that grow with every failure, instead of locking
 * an account: a lock would let anyone keep the owner out.
 * <ul>
 *   <li>Per source address: many failures from one address, whatever the account, slow that address.</li>
 *   <li>Per account: each failure for an account grows the account's delay, which then holds for every
 *       address that has failed for it. An address that has not failed for the account is never held, so
 *       the owner's right password from their own address always gets in, and a guesser spreading over
 *       many addresses gets one try from each before the account's delay applies there too.</li>
 *   <li>Per address for API tokens: an unknown bearer token counts against its address, and a held
 *       address has no token looked at, right or wrong, until its delay has passed (tokens have no account
 *       to tell the owner by).</li>
 * </ul>
 * Nothing sleeps: a held attempt is answered at once with the time to wait.
 */
public final class SignInThrottle {

    /**
     * @param freeFailures        failures for an account before delays begin
     * @param freeAddressFailures failed sign-ins, or unknown tokens, from one address before the address
     *                            itself is slowed (higher: an office shares one address)
     * @param firstDelay          the first delay; each further failure doubles it
     * @param maxDelay            the longest delay
     * @param forgetAfter         a key without failures for this long starts again from nothing
     */
    public record Settings(int freeFailures, int freeAddressFailures, Duration firstDelay, Duration maxDelay,
                           Duration forgetAfter) {

        public static final Settings DEFAULTS = new Settings(3, 20, Duration.ofSeconds(1), Duration.ofMinutes(15),
                Duration.ofHours(1));

        public Settings {
            Objects.requireNonNull(firstDelay, "firstDelay");
            Objects.requireNonNull(maxDelay, "maxDelay");
            Objects.requireNonNull(forgetAfter, "forgetAfter");
            if (freeFailures < 0 || freeAddressFailures < 0) {
                throw new IllegalArgumentException("free failures must not be negative");
            }
            if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
                throw new IllegalArgumentException("delays must be positive, the longest at least the first");
            }
        }
    }

    private final FailedAttempts attempts;
    private final Clock clock;
    private final Settings settings;

    public SignInThrottle(FailedAttempts attempts, Clock clock, Settings settings) {
        this.attempts = attempts;
        this.clock = clock;
        this.settings = settings;
    }

    /** How long this address must wait before it may try a password for the account; empty: try now. */
    public Optional<Duration> loginWait(String username, String address) {
        return waitFor(addressKey(address), accountAtAddressKey(username, address));
    }

    public void loginFailed(String username, String address) {
        Instant now = clock.instant();
        int forAccount = count(accountKey(username), now);
        delay(forAccount, settings.freeFailures()).ifPresent(delay ->
                attempts.block(accountAtAddressKey(username, address), now.plus(delay)));
        int fromAddress = count(addressKey(address), now);
        delay(fromAddress, settings.freeAddressFailures()).ifPresent(delay ->
                attempts.block(addressKey(address), now.plus(delay)));
    }

    /** The owner proved themselves: the account's count starts again (the address's count does not). */
    public void loginSucceeded(String username, String address) {
        attempts.forget(accountKey(username));
        attempts.forget(accountAtAddressKey(username, address));
    }

    /** How long this address must wait before its next bearer token is looked at; empty: now. */
    public Optional<Duration> tokenWait(String address) {
        return waitFor(tokenKey(address));
    }

    public void tokenFailed(String address) {
        Instant now = clock.instant();
        delay(count(tokenKey(address), now), settings.freeAddressFailures()).ifPresent(delay ->
                attempts.block(tokenKey(address), now.plus(delay)));
    }

    /** Forgets what has been quiet for {@code forgetAfter}; returns how many keys. */
    public int forgetQuiet() {
        return attempts.forgetQuietSince(clock.instant().minus(settings.forgetAfter()));
    }

    private Optional<Duration> waitFor(String... keys) {
        Instant now = clock.instant();
        return Stream.of(keys).flatMap(key -> attempts.blockedUntil(key, now).stream())
                .max(Instant::compareTo).map(until -> Duration.between(now, until));
    }

    private int count(String key, Instant now) {
        return attempts.count(key, now, now.minus(settings.forgetAfter()));
    }

    /** Nothing for the free failures, then the first delay, doubled with each failure, up to the longest. */
    Optional<Duration> delay(int failures, int free) {
        if (failures <= free) {
            return Optional.empty();
        }
        int doublings = Math.min(failures - free - 1, 30);
        Duration delay = settings.firstDelay().multipliedBy(1L << doublings);
        return Optional.of(delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private static String accountKey(String username) {
        return "account:" + username.strip().toLowerCase(Locale.ROOT);
    }

    private static String accountAtAddressKey(String username, String address) {
        return accountKey(username) + "@" + address;
    }

    private static String tokenKey(String address) {
        return "token:" + address;
    }
}
