package dev.boomer.demo;

import dev.boomer.application.users.CreateUser;
import dev.boomer.application.users.PasswordHashing;
import dev.boomer.application.users.Secrets;
import dev.boomer.domain.audit.AuditAction;
import dev.boomer.domain.audit.AuditEntry;
import dev.boomer.domain.audit.AuditLog;
import dev.boomer.domain.user.Credentials;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.User;
import dev.boomer.domain.user.UserRepository;
import dev.boomer.domain.user.UsernameTaken;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * Creates the first admin, named {@code admin}, on the first start against an empty database; with
 * {@code boomer.bootstrap.reset-admin-password}, gives an existing admin a new password. Credentials it
 * generates go to the {@link AdminCredentialsFile}, never to the log.
 */
@Singleton
@Order(1)
class BootstrapAdmin implements ApplicationEventListener<StartupEvent> {

    static final String ADMIN = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final UserRepository users;
    private final CreateUser createUser;
    private final Credentials credentials;
    private final AuditLog auditLog;
    private final Clock clock;
    private final BootstrapProperties properties;
    private final AdminCredentialsFile file;

    BootstrapAdmin(UserRepository users, CreateUser createUser, Credentials credentials, AuditLog auditLog, Clock clock,
                   BootstrapProperties properties, AdminCredentialsFile file) {
        this.users = users;
        this.createUser = createUser;
        this.credentials = credentials;
        this.auditLog = auditLog;
        this.clock = clock;
        this.properties = properties;
        this.file = file;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        Optional<User> admin = users.findByUsername(ADMIN);
        if (admin.isEmpty()) {
            create();
        } else if (properties.resetAdminPassword()) {
            resetPassword(admin.get());
        }
    }

    private void create() {
        Optional<String> givenPassword = nonBlank(properties.adminPassword());
        Optional<String> givenToken = nonBlank(properties.token());
        String password = givenPassword.orElseGet(Secrets::newPassword);
        CreateUser.Created created;
        try {
            created = createUser.create(new CreateUser.Command(ADMIN, Role.ADMIN, ZoneOffset.UTC,
                    Optional.of(password), givenToken));
        } catch (UsernameTaken raced) {
            LOG.info("admin was created by another instance");
            return;
        }
        if (givenPassword.isPresent() && givenToken.isPresent()) {
            LOG.info("Boomer admin 'admin' created with the configured password and token");
            return;
        }
        file.write("""
                Boomer admin, created %s
                console login: admin / %s
                API token:     %s
                Delete this file once you have them; choose them with BOOMER_BOOTSTRAP_ADMIN_PASSWORD and \
                BOOMER_BOOTSTRAP_TOKEN instead.
                """.formatted(clock.instant(), givenPassword.isPresent() ? "(from BOOMER_BOOTSTRAP_ADMIN_PASSWORD)" : password,
                givenToken.isPresent() ? "(from BOOMER_BOOTSTRAP_TOKEN)" : created.apiToken()));
        LOG.warn("Boomer admin 'admin' created: its console password and API token are in {} (readable by this"
                + " user only); delete the file once you have them", file.path());
    }

    private void resetPassword(User admin) {
        Optional<String> givenPassword = nonBlank(properties.adminPassword());
        String password = givenPassword.orElseGet(Secrets::newPassword);
        credentials.setPasswordHash(admin.id(), PasswordHashing.hash(password));
        auditLog.record(new AuditEntry(clock.instant(), Optional.empty(), AuditAction.PASSWORD_RESET,
                AuditEntry.user(admin.id()), Map.of(), Map.of("by", "boomer.bootstrap.reset-admin-password")));
        if (givenPassword.isPresent()) {
            LOG.warn("admin's password was reset to BOOMER_BOOTSTRAP_ADMIN_PASSWORD; unset"
                    + " BOOMER_BOOTSTRAP_RESET_ADMIN_PASSWORD, or every start resets it again");
            return;
        }
        file.write("""
                Boomer admin, password reset %s
                console login: admin / %s
                Delete this file once you have it.
                """.formatted(clock.instant(), password));
        LOG.warn("admin's password was reset: the new one is in {}; unset BOOMER_BOOTSTRAP_RESET_ADMIN_PASSWORD,"
                + " or every start resets it again", file.path());
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
