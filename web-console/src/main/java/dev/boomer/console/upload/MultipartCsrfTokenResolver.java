package dev.boomer.console.upload;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.security.csrf.CsrfConfiguration;
import io.micronaut.security.csrf.resolver.CsrfTokenResolver;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The CSRF filter reads a form's token field only from url-encoded bodies: it does not parse multipart
 * ones, so a plain (no JavaScript) photo upload could never pass it. Multipart forms therefore also carry
 * the session token in their action's query string ({@code /upload?csrfToken=...}), read here. Only
 * multipart requests are served, so the token stays out of every other URL.
 */
@Singleton
class MultipartCsrfTokenResolver implements CsrfTokenResolver<HttpRequest<?>> {

    private final String fieldName;

    MultipartCsrfTokenResolver(CsrfConfiguration configuration) {
        this.fieldName = configuration.getFieldName();
    }

    @Override
    public Optional<String> resolveToken(HttpRequest<?> request) {
        boolean multipart = request.getContentType()
                .map(type -> type.matches(MediaType.MULTIPART_FORM_DATA_TYPE)).orElse(false);
        if (!multipart) {
            return Optional.empty();
        }
        return request.getParameters().getFirst(fieldName).filter(token -> !token.isBlank());
    }

    @Override
    public int getOrder() {
        // after the header resolver: HTMX's X-CSRF-TOKEN header wins when both are present
        return 100;
    }
}
