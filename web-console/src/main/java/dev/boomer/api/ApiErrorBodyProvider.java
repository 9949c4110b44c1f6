package dev.boomer.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * Errors Micronaut raises itself (unknown route, bad parameter, body too large, missing authentication)
 * come out in the API's shape too: {@code {"error": code, "message": ...}}, never a stack trace.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
class ApiErrorBodyProvider implements JsonErrorResponseBodyProvider<ApiError> {

    @Override
    public ApiError body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.status();
        if (status.getCode() >= 500) {
            // Internals (exception messages, bean paths) stay in the log, never in a response.
            return new ApiError(codeFor(status), "Something went wrong on the server; the details are in its log.");
        }
        String message = context.getErrors().stream().map(Error::getMessage).findFirst()
                .orElse(status.getReason());
        return new ApiError(codeFor(status), message);
    }

    static String codeFor(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not_found";
            case REQUEST_ENTITY_TOO_LARGE -> "request_too_large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case BAD_REQUEST -> "bad_request";
            default -> status.getReason().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        };
    }
}
