package dev.boomer.security;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slows password guessing: after {@code max-failures} failed logins for one username within the window,
 * further attempts for it are refused until the window passes, right password or not.
 */
@Singleton
class LoginThrottle {

    private final int maxFailures;
    private final LoadingCache<String, AtomicInteger> failures;

    LoginThrottle(@Value("${boomer.security.login.max-failures:5}") int maxFailures,
                  @Value("${boomer.security.login.window:PT15M}") Duration window) {
        this.maxFailures = maxFailures;
        this.failures = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000)
                .build(key -> new AtomicInteger());
    }

    boolean isLocked(String username) {
        AtomicInteger count = failures.getIfPresent(key(username));
        return count != null && count.get() >= maxFailures;
    }

    void failed(String username) {
        failures.get(key(username)).incrementAndGet();
    }

    void succeeded(String username) {
        failures.invalidate(key(username));
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
