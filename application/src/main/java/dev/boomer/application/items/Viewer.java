package dev.boomer.application.items;

import dev.boomer.domain.item.Item;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.UserId;

import java.util.Objects;

/** Who is looking. Sellers see only their own items; admins, operators and viewers see everyone's. */
public record Viewer(UserId user, Role role) {
    public Viewer {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
    }

    public boolean seesEveryone() {
        return role.seesEveryone();
    }

    public boolean canSee(Item item) {
        return seesEveryone() || item.owner().equals(user);
    }
}
