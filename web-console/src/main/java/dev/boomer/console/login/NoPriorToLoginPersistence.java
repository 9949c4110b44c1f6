package dev.boomer.console.login;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.errors.PriorToLoginPersistence;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Optional;

/**
 * "Remember the page asked for before login" is off (after login the console opens at {@code /}), but the
 * session login handler requires a bean of this type to exist; this one remembers nothing, exactly like
 * no persistence at all. Steps aside when {@code micronaut.security.redirect.prior-to-login} is turned on.
 */
@Singleton
@Requires(property = "micronaut.security.redirect.prior-to-login", notEquals = "true")
class NoPriorToLoginPersistence implements PriorToLoginPersistence<HttpRequest<?>, MutableHttpResponse<?>> {

    @Override
    public void onUnauthorized(HttpRequest<?> request, MutableHttpResponse<?> response) {
        // nothing to remember
    }

    @Override
    public Optional<URI> getOriginalUri(HttpRequest<?> request, MutableHttpResponse<?> response) {
        return Optional.empty();
    }
}
