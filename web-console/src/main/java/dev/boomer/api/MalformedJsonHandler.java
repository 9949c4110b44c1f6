package dev.boomer.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.json.JsonSyntaxException;
import jakarta.inject.Singleton;

/**
 * A body that is not JSON gets 400 {@code malformed_body} saying what is wrong and where, without the
 * parser's internals ({@code Source: REDACTED (StreamReadFeature...)}) that Micronaut's own handler shows.
 */
@Singleton
@Replaces(JsonExceptionHandler.class)
final class MalformedJsonHandler implements ExceptionHandler<JsonSyntaxException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, JsonSyntaxException exception) {
        String detail = exception.getCause() instanceof JsonProcessingException parse
                ? ": " + parse.getOriginalMessage() + " at line " + parse.getLocation().getLineNr()
                        + ", column " + parse.getLocation().getColumnNr()
                : "";
        return HttpResponse.badRequest(new ApiError("malformed_body", "The body is not valid JSON" + detail));
    }
}
