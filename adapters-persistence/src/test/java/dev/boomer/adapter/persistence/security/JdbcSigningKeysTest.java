package dev.boomer.adapter.persistence.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boomer.adapter.persistence.TestDatabase;
import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.domain.contract.SigningKeysContract;
import dev.boomer.domain.security.SigningKeys;
import org.junit.jupiter.api.Test;

class JdbcSigningKeysTest extends SigningKeysContract {

    @Override
    protected SigningKeys createKeys() {
        TestDatabase.truncateAll();
        return new JdbcSigningKeys(TestDatabase.context().getBean(SqlExecutor.class));
    }

    @Test
    void anotherInstanceOnTheSameDatabaseGetsTheSameKey() {
        SqlExecutor jdbc = TestDatabase.context().getBean(SqlExecutor.class);
        byte[] first = new JdbcSigningKeys(jdbc).key("photo-links");

        assertThat(new JdbcSigningKeys(jdbc).key("photo-links")).isEqualTo(first);
    }
}
