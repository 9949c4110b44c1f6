package dev.boomer.domain.contract.inmemory;

import dev.boomer.domain.user.UserRepository;
import dev.boomer.domain.contract.UserRepositoryContract;
import dev.boomer.domain.fixtures.InMemoryUserRepository;

class InMemoryUserRepositoryTest extends UserRepositoryContract {

    @Override
    protected UserRepository createRepository() {
        return new InMemoryUserRepository();
    }
}
