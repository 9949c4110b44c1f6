package dev.boomer.audit;

import dev.boomer.domain.audit.AuditAction;
import dev.boomer.domain.cache.CacheSelection;
import dev.boomer.domain.audit.AuditEntry;
import dev.boomer.domain.audit.AuditLog;
import dev.boomer.domain.item.Item;
import dev.boomer.security.Principals;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What every admin route calls once its change is made: the signed-in user did it, now. */
@Singleton
public final class AdminAudit {

    private final AuditLog log;
    private final Clock clock;

    AdminAudit(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** A person asked for the item to be processed again: its attempt before and after. */
    public void requeued(Authentication who, Item requeued) {
        record(who, AuditAction.ITEM_REQUEUED, AuditEntry.item(requeued.id()),
                Map.of("attempt", String.valueOf(requeued.attempt() - 1)),
                Map.of("attempt", String.valueOf(requeued.attempt())));
    }

    /** A person ran a waiting item at once: when it was to run, and now. */
    public void retriedNow(Authentication who, Item due, Instant wasDueAt) {
        record(who, AuditAction.ITEM_RETRIED_NOW, AuditEntry.item(due.id()),
                Map.of("nextAttemptAt", wasDueAt.toString()), Map.of("nextAttemptAt", due.updatedAt().toString()));
    }

    /** A person held a provider model's breaker open or closed, or released it. */
    public void breakerHeld(Authentication who, String provider, String model, Optional<String> before,
                            Optional<String> after) {
        record(who, after.isPresent() ? AuditAction.BREAKER_HELD : AuditAction.BREAKER_RELEASED,
                "breaker:" + provider + ":" + model, Map.of("held", before.orElse("no")),
                Map.of("held", after.orElse("no")));
    }

    /** A person removed cache entries: what they selected, and how many the shared layers held. */
    public void cacheInvalidated(Authentication who, CacheSelection selection, long removed) {
        record(who, AuditAction.CACHE_INVALIDATED, "cache:" + selection.describe(), Map.of(),
                Map.of("removed", String.valueOf(removed)));
    }

    /** A person asked for the drafts priced over that many days ago to be priced again: the job that does it. */
    public void repriceRequested(Authentication who, int olderThanDays, String job) {
        record(who, AuditAction.REPRICE_REQUESTED, "drafts priced over " + olderThanDays + " days ago", Map.of(),
                Map.of("job", job));
    }

    public void record(Authentication who, AuditAction action, String subject, Map<String, String> before,
                       Map<String, String> after) {
        log.record(AuditEntry.byUser(clock.instant(), Principals.userId(who), action, subject, before, after));
    }
}
