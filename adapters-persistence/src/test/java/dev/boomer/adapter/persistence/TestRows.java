package dev.boomer.adapter.persistence;

import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.Photo;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.User;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.user.UserRepository;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rows that other rows refer to (foreign keys), inserted through the adapters themselves. */
public final class TestRows {

    private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");

    private TestRows() {
    }

    public static UserId anExistingUser() {
        User user = new User(UserId.random(), "user-" + UUID.randomUUID().toString().substring(0, 8), Role.OPERATOR,
                ZoneOffset.UTC, CREATED);
        TestDatabase.context().getBean(UserRepository.class).insert(user);
        return user.id();
    }

    public static ItemId anExistingItem() {
        Photo photo = new Photo(ContentHash.of(UUID.randomUUID().toString().getBytes()), "image/jpeg", 800, 600, 1234);
        Item item = Item.received(ItemId.random(), anExistingUser(), Priority.NORMAL, Optional.empty(),
                List.of(photo), CREATED);
        TestDatabase.context().getBean(ItemRepository.class).insert(item);
        return item.id();
    }
}
