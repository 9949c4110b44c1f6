package dev.boomer.security;

import dev.boomer.application.security.SignInThrottle;
import dev.boomer.domain.security.SessionRepository;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Hourly: forgets failed sign-ins and tokens quiet for {@code boomer.security.throttle.forget-after} and
 * console sessions idle past their limit, so both tables hold only what still matters. Every instance
 * runs it; a delete twice is harmless.
 */
@Singleton
class SecurityHousekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityHousekeeping.class);

    private final SignInThrottle throttle;
    private final SessionRepository sessions;
    private final Clock clock;

    SecurityHousekeeping(SignInThrottle throttle, SessionRepository sessions, Clock clock) {
        this.throttle = throttle;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void sweep() {
        try {
            throttle.forgetQuiet();
            sessions.deleteExpired(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("security housekeeping failed; trying again in an hour: {}", e.toString());
        }
    }
}
