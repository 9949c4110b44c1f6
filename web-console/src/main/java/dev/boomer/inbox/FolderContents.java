package dev.boomer.inbox;

import dev.boomer.domain.item.Priority;
import dev.boomer.domain.photo.RawPhoto;

import java.util.List;
import java.util.Objects;

/** What a taken item folder holds: its photos and priority, or why it cannot become an item. */
sealed interface FolderContents {

    record Photos(List<RawPhoto> photos, Priority priority) implements FolderContents {
        public Photos {
            photos = List.copyOf(photos);
            Objects.requireNonNull(priority, "priority");
        }
    }

    record Refused(String code, String message) implements FolderContents {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
