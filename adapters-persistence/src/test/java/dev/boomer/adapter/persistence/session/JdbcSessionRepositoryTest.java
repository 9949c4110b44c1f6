package dev.boomer.adapter.persistence.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boomer.adapter.persistence.TestDatabase;
import dev.boomer.domain.security.SessionRepository;
import dev.boomer.domain.security.StoredSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcSessionRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");
    private static final Duration IDLE = Duration.ofMinutes(30);

    private SessionRepository sessions;

    @BeforeEach
    void empty() {
        TestDatabase.truncateAll();
        sessions = TestDatabase.context().getBean(SessionRepository.class);
    }

    @Test
    void aSavedSessionIsFoundAndEachFindCountsAsUse() {
        StoredSession saved = session("s1", "alice", T0);
        sessions.save(saved);

        assertThat(sessions.findAndTouch("s1", T0.plus(Duration.ofMinutes(20)))).hasValueSatisfying(found -> {
            assertThat(found.username()).contains("alice");
            assertThat(found.attributes()).isEqualTo(saved.attributes());
            assertThat(found.createdAt()).isEqualTo(T0);
        });
        assertThat(sessions.findAndTouch("s1", T0.plus(Duration.ofMinutes(45))))
                .as("used 25 minutes before: still live").isPresent();
        assertThat(sessions.findAndTouch("s1", T0.plus(Duration.ofMinutes(80)))).as("idle 35 minutes").isEmpty();
        assertThat(sessions.findAndTouch("unknown", T0)).isEmpty();
    }

    @Test
    void sessionsEndOneByOneByUserOrWhenIdle() {
        sessions.save(session("a1", "alice", T0));
        sessions.save(session("a2", "alice", T0));
        sessions.save(session("b1", "bob", T0));
        sessions.save(session("idle", "carol", T0.minus(Duration.ofHours(1))));

        assertThat(sessions.deleteOfUser("alice")).isEqualTo(2);
        assertThat(sessions.deleteExpired(T0)).isEqualTo(1);
        assertThat(sessions.delete("b1")).isTrue();
        assertThat(sessions.delete("b1")).isFalse();
        assertThat(sessions.findAndTouch("a1", T0)).isEmpty();
    }

    private static StoredSession session(String id, String username, Instant at) {
        return new StoredSession(id, Optional.of(username), at, at, IDLE,
                Map.of("csrf", "token-" + id, "authentication", "{\"name\":\"" + username + "\"}"));
    }
}
