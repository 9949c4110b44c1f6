package dev.boomer.demo;

import dev.boomer.application.users.Authenticate;
import dev.boomer.application.users.CreateUser;
import dev.boomer.domain.audit.AuditAction;
import dev.boomer.domain.fixtures.InMemoryAuditLog;
import dev.boomer.domain.fixtures.InMemoryCredentials;
import dev.boomer.domain.fixtures.InMemoryUserRepository;
import dev.boomer.domain.fixtures.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class BootstrapAdminTest {

    private static final Pattern PASSWORD = Pattern.compile("console login: admin / (\\S+)");

    @TempDir
    Path dataDir;

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryCredentials credentials = new InMemoryCredentials();
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T08:00:00Z"));
    private final Authenticate authenticate = new Authenticate(users, credentials);

    @Test
    void generatedCredentialsGoToAnOwnerOnlyFileThatSignsIn() throws Exception {
        start(new BootstrapProperties(null, null, false));

        Path file = dataDir.resolve(AdminCredentialsFile.NAME);
        String content = Files.readString(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(authenticate.byPassword("admin", password(content))).isPresent();
        Matcher token = Pattern.compile("API token: +(bmr_\\S+)").matcher(content);
        assertThat(token.find()).isTrue();
        assertThat(authenticate.byApiToken(token.group(1))).isPresent();
    }

    @Test
    void configuredCredentialsWriteNoFile() {
        start(new BootstrapProperties("chosen-password", "bmr_chosen-token-value", false));

        assertThat(dataDir.resolve(AdminCredentialsFile.NAME)).doesNotExist();
        assertThat(authenticate.byPassword("admin", "chosen-password")).isPresent();
    }

    @Test
    void aLostPasswordIsResetOnAStartThatAsksForItAndTheResetIsAudited() throws Exception {
        start(new BootstrapProperties("forgotten-password", "bmr_chosen-token-value", false));

        start(new BootstrapProperties(null, null, true));

        String content = Files.readString(dataDir.resolve(AdminCredentialsFile.NAME));
        assertThat(authenticate.byPassword("admin", "forgotten-password")).isEmpty();
        assertThat(authenticate.byPassword("admin", password(content))).isPresent();
        assertThat(authenticate.byApiToken("bmr_chosen-token-value")).as("tokens are left alone").isPresent();
        assertThat(auditLog.recent(1)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.PASSWORD_RESET);
            assertThat(entry.actor()).as("Boomer itself").isEmpty();
        });
    }

    @Test
    void withoutTheResetFlagAnExistingAdminIsLeftAlone() {
        start(new BootstrapProperties("first-password", "bmr_chosen-token-value", false));

        start(new BootstrapProperties("another-password", null, false));

        assertThat(authenticate.byPassword("admin", "first-password")).isPresent();
        assertThat(auditLog.recent(10)).isEmpty();
    }

    private void start(BootstrapProperties properties) {
        new BootstrapAdmin(users, new CreateUser(users, credentials, clock), credentials, auditLog, clock, properties,
                new AdminCredentialsFile(dataDir)).onApplicationEvent(null);
    }

    private static String password(String content) {
        Matcher matcher = PASSWORD.matcher(content);
        assertThat(matcher.find()).as(content).isTrue();
        return matcher.group(1);
    }
}
