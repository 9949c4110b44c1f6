package dev.boomer.domain.audit;

import java.util.List;

/** The one trail of admin actions, newest first; shared by every instance and never trimmed by Boomer. */
public interface AuditLog {

    void record(AuditEntry entry);

    /** The newest {@code limit} entries, newest first. */
    List<AuditEntry> recent(int limit);
}
