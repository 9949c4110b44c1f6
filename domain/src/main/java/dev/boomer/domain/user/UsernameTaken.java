package dev.boomer.domain.user;

public final class UsernameTaken extends RuntimeException {
    private final String username;

    public UsernameTaken(String username) {
        super("username '" + username + "' is taken");
        this.username = username;
    }

    public String username() {
        return username;
    }
}
