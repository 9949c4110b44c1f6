package dev.boomer.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boomer.domain.security.FailedAttempts;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link FailedAttempts} does. */
public abstract class FailedAttemptsContract {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration FORGET = Duration.ofHours(1);

    private FailedAttempts attempts;

    protected abstract FailedAttempts createAttempts();

    @BeforeEach
    void createFailedAttempts() {
        attempts = createAttempts();
    }

    @Test
    void failuresAreCountedPerKeyUntilTheKeyHasBeenQuietLongEnough() {
        assertThat(count("address:10.0.0.1", T0)).isEqualTo(1);
        assertThat(count("address:10.0.0.1", T0.plusSeconds(10))).isEqualTo(2);
        assertThat(count("address:10.0.0.2", T0.plusSeconds(10))).isEqualTo(1);

        assertThat(count("address:10.0.0.1", T0.plusSeconds(10).plus(FORGET).plusSeconds(1))).isEqualTo(1);
    }

    @Test
    void aBlockHoldsUntilItsTimeAndIsNeverShortened() {
        attempts.block("account:alice@10.0.0.1", T0.plusSeconds(60));
        attempts.block("account:alice@10.0.0.1", T0.plusSeconds(5));

        assertThat(attempts.blockedUntil("account:alice@10.0.0.1", T0)).contains(T0.plusSeconds(60));
        assertThat(attempts.blockedUntil("account:alice@10.0.0.1", T0.plusSeconds(60))).isEmpty();
        assertThat(attempts.blockedUntil("account:alice@10.0.0.2", T0)).isEmpty();

        attempts.block("account:alice@10.0.0.1", T0.plusSeconds(120));
        assertThat(attempts.blockedUntil("account:alice@10.0.0.1", T0.plusSeconds(61))).contains(T0.plusSeconds(120));
    }

    @Test
    void forgettingAKeyClearsItsCountAndItsBlock() {
        count("account:alice", T0);
        count("account:alice", T0);
        attempts.block("account:alice", T0.plusSeconds(30));

        attempts.forget("account:alice");

        assertThat(attempts.blockedUntil("account:alice", T0)).isEmpty();
        assertThat(count("account:alice", T0)).isEqualTo(1);
    }

    @Test
    void quietKeysAreSweptAndBusyOrBlockedOnesKept() {
        count("address:old", T0);
        count("address:recent", T0.plusSeconds(3000));
        count("address:blocked", T0);
        attempts.block("address:blocked", T0.plus(Duration.ofHours(2)));

        assertThat(attempts.forgetQuietSince(T0.plusSeconds(60))).isEqualTo(1);

        assertThat(count("address:recent", T0.plusSeconds(3001))).isEqualTo(2);
        assertThat(attempts.blockedUntil("address:blocked", T0.plusSeconds(61))).isPresent();
    }

    private int count(String key, Instant now) {
        return attempts.count(key, now, now.minus(FORGET));
    }
}
