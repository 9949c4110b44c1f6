package dev.boomer.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A body without a Content-Type gets 415 like a body of the wrong type. Micronaut routes such a request
 * as if it had the route's type and then guesses how to decode it: a multipart route tried it as a form,
 * failed on the first bad {@code %} escape and answered 500, with the body in the log.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ContentTypeRequired {

    @RequestFilter
    Optional<MutableHttpResponse<ApiError>> requireContentType(HttpRequest<?> request) {
        if (request.getContentType().isPresent()) {
            return Optional.empty();
        }
        return RouteAttributes.getRouteInfo(request)
                .filter(route -> route.getRequestBodyType().isPresent() && !route.consumesAll())
                .map(route -> HttpResponse.<ApiError>status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                        .body(new ApiError(ApiErrorBodyProvider.codeFor(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
                                "The request has no Content-Type; send " + accepted(route))));
    }

    private static String accepted(RouteInfo<?> route) {
        return route.getConsumes().stream().map(MediaType::toString).collect(Collectors.joining(" or "));
    }
}
