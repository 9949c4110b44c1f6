package dev.boomer.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.session.SessionAuthenticationFetcher;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * The console's session cookie signs in the console only. A browser sends the cookie with any request a
 * hostile page makes it send, and the API has no CSRF check (its clients are scripts with bearer tokens),
 * so a cookie accepted on {@code /api/} would let any page act as the signed-in admin.
 */
@Singleton
@Replaces(SessionAuthenticationFetcher.class)
class ConsoleOnlySessionAuthenticationFetcher extends SessionAuthenticationFetcher {

    static boolean isApi(HttpRequest<?> request) {
        return request.getPath().startsWith("/api/");
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        return isApi(request) ? Publishers.empty() : super.fetchAuthentication(request);
    }
}
