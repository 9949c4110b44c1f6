package dev.boomer.adapter.persistence.audit;

import dev.boomer.adapter.persistence.TestDatabase;
import dev.boomer.domain.audit.AuditAction;
import dev.boomer.domain.audit.AuditEntry;
import dev.boomer.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcAuditLogTest {

    private static final Instant AT = Instant.parse("2026-12-02T09:30:00.123456Z");

    private JdbcAuditLog log;

    @BeforeEach
    void emptyLog() {
        TestDatabase.truncateAll();
        log = TestDatabase.context().getBean(JdbcAuditLog.class);
    }

    @Test
    void entriesComeBackNewestFirstWithEveryField() {
        UserId admin = UserId.random();
        UserId alice = UserId.random();
        AuditEntry created = AuditEntry.byUser(AT, admin, AuditAction.USER_CREATED, AuditEntry.user(alice),
                Map.of(), Map.of("username", "alice", "role", "SELLER"));
        AuditEntry requeued = new AuditEntry(AT.plusSeconds(1), Optional.empty(), AuditAction.JOB_REQUEUED,
                AuditEntry.job(UUID.randomUUID()), Map.of("state", "FAILED"), Map.of("state", "ENQUEUED"));

        log.record(created);
        log.record(requeued);

        assertThat(log.recent(10)).containsExactly(requeued, created);
        assertThat(log.recent(1)).containsExactly(requeued);
        assertThat(log.recent(AuditAction.USER_CREATED, 10)).containsExactly(created);
        assertThat(created.subjectUser()).contains(alice);
        assertThat(requeued.subjectUser()).isEmpty();
    }
}
