package dev.boomer.adapter.persistence.photo;

import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.NormalizedPhoto;
import dev.boomer.domain.photo.PhotoStore;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * Photos in the shared PostgreSQL ({@code boomer.photos.store=postgres}): every instance reads what any
 * instance stored, with no disk shared between them. Normalized photos are a few hundred KB.
 */
@Singleton
@Requires(property = PhotoStores.PROPERTY, value = "postgres")
final class PostgresPhotoStore implements PhotoStore {

    private final SqlExecutor sql;

    PostgresPhotoStore(SqlExecutor sql) {
        this.sql = sql;
    }

    @Override
    public void put(NormalizedPhoto photo) {
        ContentHash hash = PhotoStores.checkedHash(photo);
        sql.execute("INSERT INTO photos (hash, media_type, bytes) VALUES (?, ?, ?) ON CONFLICT (hash) DO NOTHING",
                statement -> {
                    statement.setString(1, hash.hex());
                    statement.setString(2, photo.photo().mediaType());
                    statement.setBytes(3, photo.bytes());
                    return statement.executeUpdate();
                });
    }

    @Override
    public Optional<byte[]> get(ContentHash hash) {
        return sql.execute("SELECT bytes FROM photos WHERE hash = ?", statement -> {
            statement.setString(1, hash.hex());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.<byte[]>empty();
            }
        });
    }

    @Override
    public boolean contains(ContentHash hash) {
        return sql.execute("SELECT EXISTS (SELECT 1 FROM photos WHERE hash = ?)", statement -> {
            statement.setString(1, hash.hex());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        });
    }
}
