package dev.boomer.security;

import dev.boomer.application.security.SignInThrottle;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hourly: forgets failed sign-ins and tokens that have been quiet for {@code boomer.security.throttle.forget-after},
 * so the table holds only what can still slow someone. Every instance runs it; a delete twice is harmless.
 */
@Singleton
class ForgetQuietFailures {

    private static final Logger LOG = LoggerFactory.getLogger(ForgetQuietFailures.class);

    private final SignInThrottle throttle;

    ForgetQuietFailures(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void forget() {
        try {
            throttle.forgetQuiet();
        } catch (RuntimeException e) {
            LOG.warn("forgetting old failed sign-ins failed; trying again in an hour: {}", e.toString());
        }
    }
}
