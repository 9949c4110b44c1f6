package dev.boomer.adapter.persistence.user;

import dev.boomer.adapter.persistence.TestDatabase;
import dev.boomer.domain.contract.UserRepositoryContract;
import dev.boomer.domain.user.UserRepository;

class JdbcUserRepositoryTest extends UserRepositoryContract {

    @Override
    protected UserRepository createRepository() {
        TestDatabase.truncateAll();
        return TestDatabase.context().getBean(UserRepository.class);
    }
}
