package dev.boomer.security;

import dev.boomer.application.security.SignInThrottle;
import dev.boomer.application.users.Authenticate;
import io.micronaut.core.async.publisher.Publishers;
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

import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * API requests authenticate with {@code Authorization: Bearer <token>}; tokens are looked up by hash. An
 * unknown token counts against its address (api.BearerTokenThrottle holds an address that sends too many).
 */
@Singleton
class BearerTokenAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    // Resolved on first use: security evaluates its providers while the context is still being built,
    // and building the database beans from inside that check recurses.
    private final BeanProvider<Authenticate> authenticate;
    private final BeanProvider<SignInThrottle> throttle;
    private final ClientAddresses addresses;
    private final ExecutorService blocking;

    BearerTokenAuthenticationFetcher(BeanProvider<Authenticate> authenticate, BeanProvider<SignInThrottle> throttle,
                                     ClientAddresses addresses, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.authenticate = authenticate;
        this.throttle = throttle;
        this.addresses = addresses;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        Optional<String> token = BearerTokens.tokenOf(request);
        if (token.isEmpty()) {
            return Publishers.empty();
        }
        // The token lookup hits the database: keep it off the event loop.
        return Mono.fromCallable(() -> authenticationFor(token.get(), request))
                .subscribeOn(Schedulers.fromExecutorService(blocking));
    }

    private Authentication authenticationFor(String token, HttpRequest<?> request) {
        var user = authenticate.get().byApiToken(token);
        if (user.isEmpty()) {
            throttle.get().tokenFailed(addresses.of(request));
            return null;
        }
        return Principals.authenticationOf(user.get());
    }
}
