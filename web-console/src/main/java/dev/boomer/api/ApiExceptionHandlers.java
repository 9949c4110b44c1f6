package dev.boomer.api;

import dev.boomer.application.items.ItemNotFound;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Domain errors to HTTP, in one place. */
final class ApiExceptionHandlers {

    private ApiExceptionHandlers() {
    }

    static HttpResponse<ApiError> error(HttpStatus status, String code, String message) {
        return HttpResponse.<ApiError>status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ApiError(code, message));
    }

    @Singleton
    @Requires(classes = ItemNotFound.class)
    static final class ItemNotFoundHandler implements ExceptionHandler<ItemNotFound, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, ItemNotFound exception) {
            return error(HttpStatus.NOT_FOUND, "not_found", exception.getMessage());
        }
    }
}
