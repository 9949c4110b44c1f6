package dev.boomer.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import io.micronaut.security.session.SessionLoginHandler;
import io.micronaut.session.Session;
import io.micronaut.session.SessionStore;
import io.micronaut.session.http.SessionForRequest;
import jakarta.inject.Singleton;

/**
 * Session login that issues a fresh session id at login (the session module keeps the old one, which
 * would allow session fixation) and gives the new session its CSRF token.
 */
@Singleton
@Replaces(SessionLoginHandler.class)
class RotatingSessionLoginHandler extends SessionLoginHandler {

    private final CsrfTokens csrfTokens;

    RotatingSessionLoginHandler(RedirectConfiguration redirectConfiguration, SessionStore<Session> sessionStore,
                                @Nullable PriorToLoginPersistence<HttpRequest<?>, MutableHttpResponse<?>> priorToLoginPersistence,
                                RedirectService redirectService, CsrfTokens csrfTokens) {
        super(redirectConfiguration, sessionStore, priorToLoginPersistence, redirectService);
        this.csrfTokens = csrfTokens;
    }

    @Override
    public MutableHttpResponse<?> loginSuccess(Authentication authentication, HttpRequest<?> request) {
        SessionForRequest.find(request).ifPresent(old -> sessionStore.deleteSession(old.getId()));
        Session fresh = SessionForRequest.create(sessionStore, request);
        csrfTokens.issue(fresh);
        return super.loginSuccess(authentication, request);
    }
}
