package dev.boomer.security;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

import java.util.Optional;

/** Reads {@code Authorization: Bearer <token>}. */
public final class BearerTokens {

    private static final String BEARER = "Bearer ";

    private BearerTokens() {
    }

    /** The token of the request's bearer header, if it has one. */
    public static Optional<String> tokenOf(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).strip());
    }
}
