package dev.boomer.domain.contract;

import static dev.boomer.domain.contract.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boomer.domain.user.User;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.user.UserRepository;
import dev.boomer.domain.user.UsernameTaken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link UserRepository} does. Each test starts from an empty repository. */
public abstract class UserRepositoryContract {

    private UserRepository users;

    protected abstract UserRepository createRepository();

    @BeforeEach
    void createUsers() {
        users = createRepository();
    }

    @Test
    void anInsertedUserIsFoundByIdAndByUsername() {
        User alice = user("alice");

        users.insert(alice);

        assertThat(users.findById(alice.id())).contains(alice);
        assertThat(users.findByUsername("alice")).contains(alice);
    }

    @Test
    void unknownUsersAreNotFound() {
        assertThat(users.findById(UserId.random())).isEmpty();
        assertThat(users.findByUsername("nobody")).isEmpty();
    }

    @Test
    void aSecondUserWithTheSameUsernameIsRejected() {
        users.insert(user("alice"));
        User impostor = user("alice");

        assertThatThrownBy(() -> users.insert(impostor))
                .isInstanceOfSatisfying(UsernameTaken.class, e -> assertThat(e.username()).isEqualTo("alice"));
        assertThat(users.findById(impostor.id())).isEmpty();
        assertThat(users.count()).isEqualTo(1);
    }

    @Test
    void findAllAndCountSeeEveryUser() {
        User alice = user("alice");
        User bob = user("bob");
        users.insert(bob);
        users.insert(alice);

        assertThat(users.findAll()).containsExactlyInAnyOrder(alice, bob);
        assertThat(users.count()).isEqualTo(2);
    }
}
