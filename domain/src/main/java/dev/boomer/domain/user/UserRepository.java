package dev.boomer.domain.user;

import java.util.List;
import java.util.Optional;

public interface UserRepository {

    /** @throws UsernameTaken when the name is in use */
    void insert(User user);

    Optional<User> findById(UserId id);

    Optional<User> findByUsername(String username);

    List<User> findAll();

    long count();
}
