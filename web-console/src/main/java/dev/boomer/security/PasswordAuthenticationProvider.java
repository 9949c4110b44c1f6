package dev.boomer.security;

import dev.boomer.application.users.Authenticate;
import dev.boomer.domain.user.User;
import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Console login with username and password, throttled per username. */
@Singleton
class PasswordAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {

    // Resolved on first use: security evaluates its providers while the context is still being built,
    // and building the database beans from inside that check recurses.
    private final BeanProvider<Authenticate> authenticate;
    private final LoginThrottle throttle;

    PasswordAuthenticationProvider(BeanProvider<Authenticate> authenticate, LoginThrottle throttle) {
        this.authenticate = authenticate;
        this.throttle = throttle;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request,
                                               AuthenticationRequest<String, String> credentials) {
        String username = String.valueOf(credentials.getIdentity()).strip();
        if (throttle.isLocked(username)) {
            return AuthenticationResponse.failure("Too many failed attempts; try again later.");
        }
        Optional<User> user = authenticate.get().byPassword(username, String.valueOf(credentials.getSecret()));
        if (user.isEmpty()) {
            throttle.failed(username);
            return AuthenticationResponse.failure("Wrong username or password.");
        }
        throttle.succeeded(username);
        var authentication = Principals.authenticationOf(user.get());
        return AuthenticationResponse.success(authentication.getName(), authentication.getRoles(),
                authentication.getAttributes());
    }
}
