package dev.boomer.adapter.persistence.security;

import dev.boomer.adapter.persistence.TestDatabase;
import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.domain.contract.FailedAttemptsContract;
import dev.boomer.domain.security.FailedAttempts;

class JdbcFailedAttemptsTest extends FailedAttemptsContract {

    @Override
    protected FailedAttempts createAttempts() {
        TestDatabase.truncateAll();
        return new JdbcFailedAttempts(TestDatabase.context().getBean(SqlExecutor.class));
    }
}
