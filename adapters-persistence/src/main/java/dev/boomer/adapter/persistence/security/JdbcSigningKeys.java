package dev.boomer.adapter.persistence.security;

import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.domain.security.SigningKeys;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keys in PostgreSQL: the first instance to ask creates one, every later ask (on any instance) reads it. */
@Singleton
final class JdbcSigningKeys implements SigningKeys {

    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /*
     * A conflict leaves the row another instance wrote, and RETURNING yields nothing, so the row is read. If
     * that instance committed after this statement's snapshot was taken, the read sees nothing either: the
     * next statement (a new snapshot) does.
     */
    private static final String CREATE_OR_READ = """
            WITH created AS (
                INSERT INTO signing_keys (purpose, key, created_at) VALUES (?, ?, now())
                ON CONFLICT (purpose) DO NOTHING
                RETURNING key)
            SELECT key FROM created
            UNION ALL
            SELECT key FROM signing_keys WHERE purpose = ?
            LIMIT 1""";

    private final SqlExecutor jdbc;
    private final Map<String, byte[]> known = new ConcurrentHashMap<>();

    JdbcSigningKeys(SqlExecutor jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public byte[] key(String purpose) {
        return known.computeIfAbsent(purpose, this::createOrRead).clone();
    }

    private byte[] createOrRead(String purpose) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<byte[]> key = tryCreateOrRead(purpose);
            if (key.isPresent()) {
                return key.get();
            }
        }
        throw new IllegalStateException("no signing key for " + purpose + " could be created or read");
    }

    private Optional<byte[]> tryCreateOrRead(String purpose) {
        byte[] fresh = new byte[KEY_BYTES];
        RANDOM.nextBytes(fresh);
        return jdbc.execute(CREATE_OR_READ, statement -> {
            statement.setString(1, purpose);
            statement.setBytes(2, fresh);
            statement.setString(3, purpose);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.<byte[]>empty();
            }
        });
    }
}
