package dev.boomer.adapter.persistence.item;

import dev.boomer.adapter.persistence.TestDatabase;
import dev.boomer.domain.contract.ItemRepositoryContract;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.User;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.user.UserRepository;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

class JdbcItemRepositoryTest extends ItemRepositoryContract {

    @Override
    protected ItemRepository createRepository() {
        TestDatabase.truncateAll();
        return TestDatabase.context().getBean(ItemRepository.class);
    }

    @Override
    protected UserId anOwner() {
        User owner = new User(UserId.random(), "owner-" + UUID.randomUUID().toString().substring(0, 8), Role.OPERATOR,
                ZoneOffset.UTC, Instant.parse("2025-01-01T00:00:00Z"));
        TestDatabase.context().getBean(UserRepository.class).insert(owner);
        return owner.id();
    }
}
