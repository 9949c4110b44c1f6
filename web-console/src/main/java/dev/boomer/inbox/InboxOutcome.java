package dev.boomer.inbox;

import dev.boomer.domain.item.ItemId;

import java.nio.file.Path;
import java.util.Objects;

/** What a scan did with one item folder it took. */
public sealed interface InboxOutcome {

    String username();

    String folder();

    /** The folder became an item and was moved to {@code .done/<username>/<folder>-<item id>}. */
    record Submitted(String username, String folder, ItemId item, Path movedTo) implements InboxOutcome {
        public Submitted {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(movedTo, "movedTo");
        }
    }

    /** The folder was refused and moved to {@code .rejected/...} with a {@code REASON.txt}. */
    record Rejected(String username, String folder, String code, String message, Path movedTo)
            implements InboxOutcome {
        public Rejected {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(movedTo, "movedTo");
        }
    }

    /** Something unexpected failed (storage down, disk full): the folder was put back for a later scan. */
    record Failed(String username, String folder, String message) implements InboxOutcome {
        public Failed {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(message, "message");
        }
    }
}
