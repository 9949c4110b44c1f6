package dev.boomer.api;

import dev.boomer.application.security.SignInThrottle;
import dev.boomer.security.BearerTokens;
import dev.boomer.security.ClientAddresses;
import dev.boomer.security.RetryAfter;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Optional;

/**
 * An address that has sent too many unknown bearer tokens gets 429 with {@code Retry-After} before its
 * next token is looked at (the bearer token fetcher counts the failures). Runs before security.
 */
@ServerFilter("/api/**")
final class BearerTokenThrottle implements Ordered {

    private final BeanProvider<SignInThrottle> throttle;
    private final ClientAddresses addresses;

    BearerTokenThrottle(BeanProvider<SignInThrottle> throttle, ClientAddresses addresses) {
        this.throttle = throttle;
        this.addresses = addresses;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    Optional<MutableHttpResponse<ApiError>> holdGuessers(HttpRequest<?> request) {
        if (BearerTokens.tokenOf(request).isEmpty()) {
            return Optional.empty();
        }
        return throttle.get().tokenWait(addresses.of(request)).map(wait ->
                HttpResponse.<ApiError>status(HttpStatus.TOO_MANY_REQUESTS)
                        .header(HttpHeaders.RETRY_AFTER, String.valueOf(RetryAfter.seconds(wait)))
                        .body(new ApiError(ApiErrorBodyProvider.codeFor(HttpStatus.TOO_MANY_REQUESTS), "Too many unknown API tokens from this address; try again in "
                                + RetryAfter.seconds(wait) + " s.")));
    }
}
