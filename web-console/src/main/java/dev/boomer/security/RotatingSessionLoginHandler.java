package dev.boomer.security;

import dev.boomer.console.login.LoginPageController;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
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
 * would allow session fixation) and gives the new session its CSRF token. A sign-in held by the throttle
 * is answered 429 with {@code Retry-After} and the form, instead of the redirect a wrong password gets.
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

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse failure, HttpRequest<?> request) {
        if (failure instanceof ThrottledLogin throttled) {
            long seconds = RetryAfter.seconds(throttled.waitTime());
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                    .body(LoginPageController.throttled(seconds));
        }
        return super.loginFailed(failure, request);
    }
}
