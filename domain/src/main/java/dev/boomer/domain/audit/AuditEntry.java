package dev.boomer.domain.audit;

import dev.boomer.domain.user.UserId;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One line of the audit log: who did what to which subject, when, and the subject's fields before and after
 * (empty before: it did not exist or had none of its own; empty after: it is gone). Never a secret in it.
 *
 * @param actor   who did it; empty: Boomer itself
 * @param subject what it was done to, as {@code kind:id} ({@code user:<uuid>}, {@code item:<uuid>}, {@code job:<uuid>})
 */
public record AuditEntry(Instant at, Optional<UserId> actor, AuditAction action, String subject,
                         Map<String, String> before, Map<String, String> after) {

    private static final String USER = "user:";

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
        after = Collections.unmodifiableMap(new LinkedHashMap<>(after));
    }

    public static AuditEntry byUser(Instant at, UserId actor, AuditAction action, String subject,
                                    Map<String, String> before, Map<String, String> after) {
        return new AuditEntry(at, Optional.of(actor), action, subject, before, after);
    }

    public static String user(UserId user) {
        return USER + user.value();
    }

    public static String job(UUID job) {
        return "job:" + job;
    }

    public static String item(dev.boomer.domain.item.ItemId item) {
        return "item:" + item;
    }

    /** The user this entry is about, when its subject is one. */
    public Optional<UserId> subjectUser() {
        if (!subject.startsWith(USER)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new UserId(UUID.fromString(subject.substring(USER.length()))));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
