package dev.boomer.domain.security;

import java.time.Instant;
import java.util.Optional;

/**
 * Console sessions where every instance finds them, kept across restarts: a load balancer needs no sticky
 * sessions, and a user's sessions can be ended everywhere at once.
 */
public interface SessionRepository {

    void save(StoredSession session);

    /** The session, unless it is unknown or has been idle longer than it may be; finding it counts as use. */
    Optional<StoredSession> findAndTouch(String id, Instant now);

    boolean delete(String id);

    /** Ends every session of the user, on every instance; returns how many. */
    int deleteOfUser(String username);

    /** Forgets sessions idle past their limit; returns how many. */
    int deleteExpired(Instant now);
}
