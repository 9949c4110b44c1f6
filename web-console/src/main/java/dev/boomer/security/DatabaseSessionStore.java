package dev.boomer.security;

import dev.boomer.domain.security.SessionRepository;
import dev.boomer.domain.security.StoredSession;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.session.InMemorySession;
import io.micronaut.session.InMemorySessionStore;
import io.micronaut.session.SessionConfiguration;
import io.micronaut.session.SessionIdGenerator;
import io.micronaut.session.SessionStore;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Console sessions in the database ({@link SessionRepository}), so that they work on every instance behind
 * a load balancer without sticky sessions, survive a restart, and can be ended everywhere. Attributes are
 * stored as text: the signed-in user as JSON (name, roles, attributes) and strings as they are; nothing
 * is ever deserialized into arbitrary objects.
 */
@Singleton
@Replaces(InMemorySessionStore.class)
class DatabaseSessionStore implements SessionStore<InMemorySession> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSessionStore.class);
    private static final String TEXT = "s:";
    private static final String USER = "a:";

    private final SessionIdGenerator ids;
    private final SessionConfiguration configuration;
    // Resolved on first use: the session filter is built while the context starts, before the database.
    private final BeanProvider<SessionRepository> sessions;
    private final Clock clock;
    private final JsonMapper json;
    private final ExecutorService blocking;

    DatabaseSessionStore(SessionIdGenerator ids, SessionConfiguration configuration,
                         BeanProvider<SessionRepository> sessions, Clock clock, JsonMapper json,
                         @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.ids = ids;
        this.configuration = configuration;
        this.sessions = sessions;
        this.clock = clock;
        this.json = json;
        this.blocking = blocking;
    }

    @Override
    public InMemorySession newSession() {
        return new ConsoleSession(ids.generateId(), clock.instant(), configuration);
    }

    @Override
    public CompletableFuture<Optional<InMemorySession>> findSession(String id) {
        return CompletableFuture.supplyAsync(() -> sessions.get().findAndTouch(id, clock.instant())
                .map(this::toSession), blocking);
    }

    @Override
    public CompletableFuture<Boolean> deleteSession(String id) {
        return CompletableFuture.supplyAsync(() -> sessions.get().delete(id), blocking);
    }

    @Override
    public CompletableFuture<InMemorySession> save(InMemorySession session) {
        return CompletableFuture.supplyAsync(() -> {
            sessions.get().save(toStored(session));
            return session;
        }, blocking);
    }

    private StoredSession toStored(InMemorySession session) {
        Map<String, String> attributes = new HashMap<>();
        Optional<String> username = Optional.empty();
        for (String name : session.names()) {
            Object value = session.get(name).orElse(null);
            if (value instanceof CharSequence text) {
                attributes.put(name, TEXT + text);
            } else if (value instanceof Authentication user) {
                attributes.put(name, USER + write(new SignedIn(user.getName(), List.copyOf(user.getRoles()),
                        user.getAttributes())));
                username = Optional.of(user.getName());
            } else if (value != null) {
                LOG.debug("session attribute {} of type {} is not kept", name, value.getClass().getName());
            }
        }
        return new StoredSession(session.getId(), username, session.getCreationTime(), session.getLastAccessedTime(),
                session.getMaxInactiveInterval(), attributes);
    }

    private InMemorySession toSession(StoredSession stored) {
        ConsoleSession session = new ConsoleSession(stored.id(), stored.createdAt(), configuration);
        session.setMaxInactiveInterval(stored.maxInactive());
        stored.attributes().forEach((name, value) -> {
            if (value.startsWith(TEXT)) {
                session.put(name, value.substring(TEXT.length()));
            } else if (value.startsWith(USER)) {
                SignedIn user = read(value.substring(USER.length()));
                session.put(name, Authentication.build(user.name(), user.roles(), user.attributes()));
            }
        });
        session.loaded(stored.lastAccessedAt());
        return session;
    }

    private String write(SignedIn user) {
        try {
            return json.writeValueAsString(user);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the signed-in user of a session", e);
        }
    }

    private SignedIn read(String text) {
        try {
            return json.readValue(text, SignedIn.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signed-in user of a session", e);
        }
    }

    /** The signed-in user as a session keeps it (under {@link SecurityFilter#AUTHENTICATION}). */
    record SignedIn(String name, Collection<String> roles, Map<String, Object> attributes) {
    }

    /** A session that knows when it was changed, so that only new or changed sessions are written. */
    static final class ConsoleSession extends InMemorySession {

        private boolean changed;

        ConsoleSession(String id, Instant created, SessionConfiguration configuration) {
            super(id, created, configuration.getMaxInactiveInterval());
        }

        /** As read from the database: not new, not changed. */
        void loaded(Instant lastAccessed) {
            setNew(false);
            setLastAccessedTime(lastAccessed);
            changed = false;
        }

        @Override
        public io.micronaut.core.convert.value.MutableConvertibleValues<Object> put(CharSequence key, Object value) {
            changed = true;
            return super.put(key, value);
        }

        @Override
        public io.micronaut.core.convert.value.MutableConvertibleValues<Object> remove(CharSequence key) {
            changed = true;
            return super.remove(key);
        }

        @Override
        public io.micronaut.core.convert.value.MutableConvertibleValues<Object> clear() {
            changed = true;
            return super.clear();
        }

        @Override
        public boolean isModified() {
            return isNew() || changed;
        }
    }
}
