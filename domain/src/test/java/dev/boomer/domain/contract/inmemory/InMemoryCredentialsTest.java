package dev.boomer.domain.contract.inmemory;

import dev.boomer.domain.contract.CredentialsContract;
import dev.boomer.domain.fixtures.InMemoryCredentials;
import dev.boomer.domain.fixtures.InMemoryUserRepository;
import dev.boomer.domain.user.Credentials;
import dev.boomer.domain.user.UserRepository;

class InMemoryCredentialsTest extends CredentialsContract {

    private final UserRepository users = new InMemoryUserRepository();

    @Override
    protected UserRepository createUsers() {
        return users;
    }

    @Override
    protected Credentials createCredentials() {
        return new InMemoryCredentials();
    }
}
