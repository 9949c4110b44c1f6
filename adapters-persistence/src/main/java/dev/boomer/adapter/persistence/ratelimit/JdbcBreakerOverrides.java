package dev.boomer.adapter.persistence.ratelimit;

import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.resilience.BreakerOverride;
import dev.boomer.resilience.BreakerOverrides;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Operators' breaker overrides in the database every instance shares. */
@Singleton
final class JdbcBreakerOverrides implements BreakerOverrides {

    private final SqlExecutor sql;

    JdbcBreakerOverrides(SqlExecutor sql) {
        this.sql = sql;
    }

    @Override
    public List<BreakerOverride> all() {
        return sql.execute("SELECT provider, model, held FROM breaker_overrides ORDER BY provider, model", statement -> {
            List<BreakerOverride> overrides = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    overrides.add(new BreakerOverride(rows.getString(1), rows.getString(2),
                            BreakerOverride.Held.valueOf(rows.getString(3))));
                }
            }
            return overrides;
        });
    }

    @Override
    public void hold(BreakerOverride override) {
        sql.execute("""
                INSERT INTO breaker_overrides (provider, model, held) VALUES (?, ?, ?)
                ON CONFLICT (provider, model) DO UPDATE SET held = excluded.held, set_at = now()""", statement -> {
            statement.setString(1, override.provider());
            statement.setString(2, override.model());
            statement.setString(3, override.held().name());
            return statement.executeUpdate();
        });
    }

    @Override
    public void release(String provider, String model) {
        sql.execute("DELETE FROM breaker_overrides WHERE provider = ? AND model = ?", statement -> {
            statement.setString(1, provider);
            statement.setString(2, model);
            return statement.executeUpdate();
        });
    }
}
