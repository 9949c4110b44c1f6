package dev.boomer.adapter.persistence.user;

import dev.boomer.adapter.persistence.TestDatabase;
import dev.boomer.domain.contract.CredentialsContract;
import dev.boomer.domain.user.Credentials;
import dev.boomer.domain.user.UserRepository;

class JdbcCredentialsTest extends CredentialsContract {

    @Override
    protected UserRepository createUsers() {
        TestDatabase.truncateAll();
        return TestDatabase.context().getBean(UserRepository.class);
    }

    @Override
    protected Credentials createCredentials() {
        return TestDatabase.context().getBean(Credentials.class);
    }
}
