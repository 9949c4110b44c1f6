package dev.boomer.application.security;

import dev.boomer.domain.fixtures.InMemoryFailedAttempts;
import dev.boomer.domain.fixtures.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {

    private static final String ATTACKER = "203.0.113.9";
    private static final String OWNER = "198.51.100.4";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(new InMemoryFailedAttempts(), clock,
            SignInThrottle.Settings.DEFAULTS);

    @Test
    void delaysBeginAfterTheFreeFailuresAndDoubleUpToTheLongest() {
        for (int i = 0; i < 3; i++) {
            throttle.loginFailed("admin", ATTACKER);
            assertThat(throttle.loginWait("admin", ATTACKER)).as("failure %d is free", i + 1).isEmpty();
        }
        throttle.loginFailed("admin", ATTACKER);
        assertThat(throttle.loginWait("admin", ATTACKER)).contains(Duration.ofSeconds(1));
        throttle.loginFailed("admin", ATTACKER);
        assertThat(throttle.loginWait("admin", ATTACKER)).contains(Duration.ofSeconds(2));
        for (int i = 0; i < 20; i++) {
            throttle.loginFailed("admin", ATTACKER);
        }
        assertThat(throttle.loginWait("admin", ATTACKER)).contains(Duration.ofMinutes(15));

        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.loginWait("admin", ATTACKER)).as("a delay, not a lockout").isEmpty();
    }

    @Test
    void anotherAddressIsNeverHeldBySomeoneElsesFailures() {
        for (int i = 0; i < 10; i++) {
            throttle.loginFailed("admin", ATTACKER);
        }

        assertThat(throttle.loginWait("admin", ATTACKER)).isPresent();
        assertThat(throttle.loginWait("admin", OWNER)).isEmpty();
    }

    @Test
    void aGuesserSpreadOverAddressesMeetsTheAccountsDelayAfterOneTryFromEach() {
        for (int i = 0; i < 10; i++) {
            throttle.loginFailed("admin", "192.0.2." + i);
        }

        throttle.loginFailed("admin", "192.0.2.200");

        assertThat(throttle.loginWait("admin", "192.0.2.200")).hasValueSatisfying(wait ->
                assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(64)));
    }

    @Test
    void oneAddressTryingManyAccountsIsSlowedItself() {
        for (int i = 0; i < 21; i++) {
            throttle.loginFailed("user" + i, ATTACKER);
        }

        assertThat(throttle.loginWait("someone-new", ATTACKER)).contains(Duration.ofSeconds(1));
        assertThat(throttle.loginWait("someone-new", OWNER)).isEmpty();
    }

    @Test
    void theOwnersSuccessClearsTheAccountsCount() {
        for (int i = 0; i < 5; i++) {
            throttle.loginFailed("alice", OWNER);
        }
        clock.advance(Duration.ofSeconds(2));

        throttle.loginSucceeded("alice", OWNER);
        throttle.loginFailed("alice", OWNER);

        assertThat(throttle.loginWait("alice", OWNER)).isEmpty();
    }

    @Test
    void unknownTokensSlowTheirAddress() {
        for (int i = 0; i < 20; i++) {
            throttle.tokenFailed(ATTACKER);
        }
        assertThat(throttle.tokenWait(ATTACKER)).as("an office's share of mistakes is free").isEmpty();
        throttle.tokenFailed(ATTACKER);
        assertThat(throttle.tokenWait(ATTACKER)).contains(Duration.ofSeconds(1));
        for (int i = 0; i < 40; i++) {
            throttle.tokenFailed(ATTACKER);
        }

        assertThat(throttle.tokenWait(ATTACKER)).hasValueSatisfying(wait ->
                assertThat(wait).isEqualTo(Duration.ofMinutes(15)));
        assertThat(throttle.tokenWait(OWNER)).isEqualTo(Optional.empty());
    }
}
