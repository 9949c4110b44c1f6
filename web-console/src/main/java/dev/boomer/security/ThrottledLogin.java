package dev.boomer.security;

import io.micronaut.security.authentication.AuthenticationFailed;

import java.time.Duration;

/** A sign-in not even checked: too many failures; the login handler answers 429 with this wait. */
final class ThrottledLogin extends AuthenticationFailed {

    private final Duration wait;

    ThrottledLogin(Duration wait) {
        super("Too many failed attempts; try again in " + RetryAfter.seconds(wait) + " s.");
        this.wait = wait;
    }

    Duration waitTime() {
        return wait;
    }
}
