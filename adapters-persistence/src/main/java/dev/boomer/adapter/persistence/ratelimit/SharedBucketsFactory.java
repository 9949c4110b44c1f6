package dev.boomer.adapter.persistence.ratelimit;

import dev.boomer.resilience.BucketStore;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

/**
 * Rate-limit buckets in the shared PostgreSQL (table {@code rate_limit_buckets}, one row locked per
 * consumption), so that every instance on the database draws from the same provider limits. Only with a
 * configured database and no Redis (where {@link RedisBucketsFactory} keeps them): the embedded database
 * serves a single instance, whose buckets stay in memory.
 */
@Factory
class SharedBucketsFactory {

    @Singleton
    @Requires(property = "datasources.default.url")
    @Requires(missingProperty = "redis.uri")
    BucketStore sharedBuckets(DataSource dataSource) {
        // Bucket4j opens and commits its own connections: the pool itself, not the transaction-bound proxy
        return BucketStore.shared(Bucket4jPostgreSQL.selectForUpdateBasedBuilder(DelegatingDataSource.unwrapDataSource(dataSource))
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .build());
    }
}
