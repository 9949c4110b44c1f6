package dev.boomer.application.items;

import dev.boomer.domain.item.Item;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.UserId;

import java.util.Objects;

/** Who is looking. Admins and operators run the whole platform; everyone else sees only their own items. */
public record Viewer(UserId user, Role role) {
    public Viewer {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
    }

    public boolean seesEveryone() {
        return role == Role.ADMIN || role == Role.OPERATOR;
    }

    public boolean canSee(Item item) {
        return seesEveryone() || item.owner().equals(user);
    }
}
