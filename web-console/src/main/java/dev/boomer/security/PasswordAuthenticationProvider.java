package dev.boomer.security;

import dev.boomer.application.security.SignInThrottle;
import dev.boomer.application.users.Authenticate;
import dev.boomer.domain.user.User;
import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/** Console login with username and password, slowed per source address and per account (SignInThrottle). */
@Singleton
class PasswordAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {

    // Resolved on first use: security evaluates its providers while the context is still being built,
    // and building the database beans from inside that check recurses.
    private final BeanProvider<Authenticate> authenticate;
    private final BeanProvider<SignInThrottle> throttle;
    private final ClientAddresses addresses;

    PasswordAuthenticationProvider(BeanProvider<Authenticate> authenticate, BeanProvider<SignInThrottle> throttle,
                                   ClientAddresses addresses) {
        this.authenticate = authenticate;
        this.throttle = throttle;
        this.addresses = addresses;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request,
                                               AuthenticationRequest<String, String> credentials) {
        String username = String.valueOf(credentials.getIdentity()).strip();
        String address = addresses.of(request);
        Optional<Duration> wait = throttle.get().loginWait(username, address);
        if (wait.isPresent()) {
            return new ThrottledLogin(wait.get());
        }
        Optional<User> user = authenticate.get().byPassword(username, String.valueOf(credentials.getSecret()));
        if (user.isEmpty()) {
            throttle.get().loginFailed(username, address);
            return AuthenticationResponse.failure("Wrong username or password.");
        }
        throttle.get().loginSucceeded(username, address);
        var authentication = Principals.authenticationOf(user.get());
        return AuthenticationResponse.success(authentication.getName(), authentication.getRoles(),
                authentication.getAttributes());
    }
}
