package dev.boomer.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import jakarta.inject.Singleton;

/** The console redirects to the login page; the API and HTMX requests get a plain 401 or 403 instead. */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class ApiAwareAuthorizationExceptionHandler extends DefaultAuthorizationExceptionHandler {

    ApiAwareAuthorizationExceptionHandler(ErrorResponseProcessor<?> errorResponseProcessor,
                                          RedirectConfiguration redirectConfiguration,
                                          RedirectService redirectService,
                                          @Nullable PriorToLoginPersistence priorToLoginPersistence) {
        super(errorResponseProcessor, redirectConfiguration, redirectService, priorToLoginPersistence);
    }

    @Override
    protected boolean shouldRedirect(HttpRequest<?> request, AuthorizationException exception) {
        boolean api = request.getPath().startsWith("/api/");
        boolean htmx = request.getHeaders().contains("HX-Request");
        return !api && !htmx && super.shouldRedirect(request, exception);
    }
}
