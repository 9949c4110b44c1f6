package dev.boomer.demo;

import dev.boomer.application.users.CreateUser;
import dev.boomer.application.users.Secrets;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.UserRepository;
import dev.boomer.domain.user.UsernameTaken;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneOffset;
import java.util.Optional;

/** Creates the first admin, named {@code admin}, on the first start against an empty database. */
@Singleton
@Order(1)
class BootstrapAdmin implements ApplicationEventListener<StartupEvent> {

    static final String ADMIN = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final UserRepository users;
    private final CreateUser createUser;
    private final BootstrapProperties properties;

    BootstrapAdmin(UserRepository users, CreateUser createUser, BootstrapProperties properties) {
        this.users = users;
        this.createUser = createUser;
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (users.findByUsername(ADMIN).isPresent()) {
            return;
        }
        Optional<String> givenPassword = nonBlank(properties.adminPassword());
        Optional<String> givenToken = nonBlank(properties.token());
        String password = givenPassword.orElseGet(Secrets::newPassword);
        try {
            var created = createUser.create(new CreateUser.Command(ADMIN, Role.ADMIN, ZoneOffset.UTC,
                    Optional.of(password), givenToken));
            if (givenPassword.isEmpty() || givenToken.isEmpty()) {
                // Printed once, on the start that created them; set the env variables to choose them instead.
                LOG.warn("""

                        ==== Boomer admin created ====
                          console login: admin / {}
                          API token:     {}
                        These are shown only now. Set BOOMER_BOOTSTRAP_ADMIN_PASSWORD and BOOMER_BOOTSTRAP_TOKEN \
                        to choose them.
                        ==============================""",
                        givenPassword.isPresent() ? "(from BOOMER_BOOTSTRAP_ADMIN_PASSWORD)" : password,
                        givenToken.isPresent() ? "(from BOOMER_BOOTSTRAP_TOKEN)" : created.apiToken());
            } else {
                LOG.info("Boomer admin 'admin' created with the configured password and token");
            }
        } catch (UsernameTaken raced) {
            LOG.info("admin was created by another instance");
        }
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
