package dev.boomer.security;

import dev.boomer.application.items.Viewer;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.User;
import dev.boomer.domain.user.UserId;
import io.micronaut.security.authentication.Authentication;

import java.util.List;
import java.util.Map;

/** How a Boomer user is carried in a Micronaut {@link Authentication}: name, role, and the user id attribute. */
public final class Principals {

    public static final String USER_ID = "userId";

    private Principals() {
    }

    public static Authentication authenticationOf(User user) {
        return Authentication.build(user.username(), List.of(user.role().name()),
                Map.of(USER_ID, user.id().toString()));
    }

    public static UserId userId(Authentication authentication) {
        return UserId.parse(String.valueOf(authentication.getAttributes().get(USER_ID)));
    }

    public static Role role(Authentication authentication) {
        return authentication.getRoles().stream().map(Role::valueOf).findFirst().orElse(Role.VIEWER);
    }

    public static Viewer viewer(Authentication authentication) {
        return new Viewer(userId(authentication), role(authentication));
    }
}
