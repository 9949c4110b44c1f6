package dev.boomer.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.csrf.CsrfConfiguration;

import java.util.Optional;
import java.util.Set;

/**
 * The CSRF module checks only requests whose body is a form (url-encoded or multipart) or that have no
 * body type. A console POST sent as {@code text/plain} or JSON would pass it unchecked, and a hostile
 * page can send {@code text/plain} cross-site. Every other state-changing console request must therefore
 * carry the token in the {@code X-CSRF-TOKEN} header (as HTMX does). The API is left out: it takes bearer
 * tokens only, never the session cookie. {@code /login} is left out like in the CSRF module: there is no
 * session, hence no token, before it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class CsrfForEveryBody implements Ordered {

    private static final Set<HttpMethod> STATE_CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Set<MediaType> CHECKED_BY_THE_CSRF_MODULE = Set.of(
            MediaType.APPLICATION_FORM_URLENCODED_TYPE, MediaType.MULTIPART_FORM_DATA_TYPE);

    private final CsrfTokens tokens;
    private final String header;

    CsrfForEveryBody(CsrfTokens tokens, CsrfConfiguration configuration) {
        this.tokens = tokens;
        this.header = configuration.getHeaderName();
    }

    @RequestFilter
    Optional<MutableHttpResponse<?>> check(HttpRequest<?> request) {
        Optional<MediaType> type = request.getContentType();
        boolean checkedElsewhere = type.isEmpty() || CHECKED_BY_THE_CSRF_MODULE.stream()
                .anyMatch(form -> form.matches(type.get()));
        if (!STATE_CHANGING.contains(request.getMethod()) || checkedElsewhere
                || ConsoleOnlySessionAuthenticationFetcher.isApi(request) || request.getPath().equals("/login")) {
            return Optional.empty();
        }
        String token = request.getHeaders().get(header);
        return tokens.validateCsrfToken(request, token) ? Optional.empty()
                : Optional.of(HttpResponse.status(HttpStatus.FORBIDDEN));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
