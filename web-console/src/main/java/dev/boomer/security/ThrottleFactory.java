package dev.boomer.security;

import dev.boomer.application.security.SignInThrottle;
import dev.boomer.domain.security.FailedAttempts;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

@Factory
class ThrottleFactory {

    @Singleton
    SignInThrottle signInThrottle(FailedAttempts attempts, Clock clock, ThrottleProperties properties) {
        return new SignInThrottle(attempts, clock, properties.toSettings());
    }
}
