package dev.boomer.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.csrf.CsrfConfiguration;
import io.micronaut.security.csrf.validator.CsrfTokenValidator;
import io.micronaut.session.Session;
import io.micronaut.session.http.SessionForRequest;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Synchronizer CSRF tokens kept in the session. The CSRF module's filter reads the token from the
 * {@code csrfToken} form field or the {@code X-CSRF-TOKEN} header and asks this validator; our session
 * module version lacks the session populator and id resolver the module's own validator needs.
 */
@Singleton
@Replaces(CsrfTokenValidator.class)
public class CsrfTokens implements CsrfTokenValidator<HttpRequest<?>> {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String attribute;

    CsrfTokens(CsrfConfiguration configuration) {
        this.attribute = configuration.getHttpSessionName();
    }

    /** A new token for a new session. */
    String issue(Session session) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        session.put(attribute, token);
        return token;
    }

    /** The session's token, created if the session has none yet (for pages rendered before any login). */
    public Optional<String> tokenFor(HttpRequest<?> request) {
        return SessionForRequest.find(request)
                .map(session -> session.get(attribute, String.class).orElseGet(() -> issue(session)));
    }

    @Override
    public boolean validateCsrfToken(HttpRequest<?> request, String token) {
        Optional<String> expected = SessionForRequest.find(request).flatMap(s -> s.get(attribute, String.class));
        return token != null && expected.isPresent() && MessageDigest.isEqual(
                expected.get().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
