package dev.boomer.console;

import dev.boomer.application.users.CreateUser;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.User;
import dev.boomer.testing.TestApp;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A whole server for console tests: {@link TestApp}'s, with redirects left for the test to see. */
final class ConsoleTestApp {

    static final String PASSWORD = "console-test-password";
    private static final AtomicInteger USERS = new AtomicInteger();

    private ConsoleTestApp() {
    }

    static Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>(TestApp.properties());
        properties.put("micronaut.http.client.follow-redirects", "false");
        properties.put("micronaut.http.client.read-timeout", "30s");
        properties.put("boomer.jobs.poll-interval", "PT5S");
        return properties;
    }

    /** A new user with {@link #PASSWORD}. */
    static User user(CreateUser createUser, Role role) {
        String name = role.name().toLowerCase() + "-" + USERS.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        return createUser.create(new CreateUser.Command(name, role, ZoneOffset.UTC, Optional.of(PASSWORD),
                Optional.empty())).user();
    }
}
