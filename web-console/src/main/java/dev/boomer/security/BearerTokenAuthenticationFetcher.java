package dev.boomer.security;

import dev.boomer.application.users.Authenticate;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.ExecutorService;

/** API requests authenticate with {@code Authorization: Bearer <token>}; tokens are looked up by hash. */
@Singleton
class BearerTokenAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    private static final String BEARER = "Bearer ";

    // Resolved on first use: security evaluates its providers while the context is still being built,
    // and building the database beans from inside that check recurses.
    private final BeanProvider<Authenticate> authenticate;
    private final ExecutorService blocking;

    BearerTokenAuthenticationFetcher(BeanProvider<Authenticate> authenticate, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.authenticate = authenticate;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Publishers.empty();
        }
        String token = header.substring(BEARER.length()).strip();
        // The token lookup hits the database: keep it off the event loop.
        return Mono.fromCallable(() -> authenticate.get().byApiToken(token).map(Principals::authenticationOf).orElse(null))
                .subscribeOn(Schedulers.fromExecutorService(blocking));
    }
}
