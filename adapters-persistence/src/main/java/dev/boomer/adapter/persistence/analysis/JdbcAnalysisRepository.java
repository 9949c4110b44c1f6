package dev.boomer.adapter.persistence.analysis;

import static dev.boomer.adapter.persistence.jdbc.Sql.instant;
import static dev.boomer.adapter.persistence.jdbc.Sql.setInstant;

import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.adapter.persistence.json.JsonCodec;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.vision.AnalysisRepository;
import dev.boomer.domain.vision.ItemAnalysis;
import dev.boomer.domain.vision.ModelCall;
import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.vision.VisionAnalysis;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

@Singleton
final class JdbcAnalysisRepository implements AnalysisRepository {

    private static final String UPSERT = """
            INSERT INTO item_analyses (item_id, analysis, call, from_cache, at, degraded, identified_by)
            VALUES (?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)
            ON CONFLICT (item_id) DO UPDATE
               SET analysis = excluded.analysis, call = excluded.call, from_cache = excluded.from_cache,
                   at = excluded.at, degraded = excluded.degraded, identified_by = excluded.identified_by""";

    private static final String USAGE_FROM_CACHE = """
            SELECT call->>'model' AS model,
                   sum((call->'usage'->>'inputTokens')::bigint)      AS input,
                   sum((call->'usage'->>'outputTokens')::bigint)     AS output,
                   sum((call->'usage'->>'cacheWriteTokens')::bigint) AS cache_write,
                   sum((call->'usage'->>'cacheReadTokens')::bigint)  AS cache_read,
                   sum((call->'usage'->>'images')::int)              AS images
              FROM item_analyses WHERE from_cache GROUP BY call->>'model'""";

    private final SqlExecutor jdbc;
    private final JsonCodec json;

    JdbcAnalysisRepository(SqlExecutor jdbc, JsonCodec json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void save(ItemAnalysis analysis) {
        jdbc.execute(UPSERT, statement -> {
            statement.setObject(1, analysis.item().value());
            statement.setString(2, json.write(analysis.analysis()));
            statement.setString(3, json.write(analysis.call()));
            statement.setBoolean(4, analysis.fromCache());
            setInstant(statement, 5, analysis.at());
            statement.setString(6, analysis.degraded().orElse(null));
            statement.setString(7, analysis.identifiedBy().orElse(null));
            return statement.executeUpdate();
        });
    }

    @Override
    public Optional<ItemAnalysis> findByItem(ItemId item) {
        return jdbc.execute("SELECT analysis, call, from_cache, at, degraded, identified_by FROM item_analyses"
                + " WHERE item_id = ?", statement -> {
                    statement.setObject(1, item.value());
                    try (ResultSet rows = statement.executeQuery()) {
                        if (!rows.next()) {
                            return Optional.empty();
                        }
                        return Optional.of(new ItemAnalysis(
                                item,
                                json.read(rows.getString("analysis"), VisionAnalysis.class),
                                json.read(rows.getString("call"), ModelCall.class),
                                rows.getBoolean("from_cache"),
                                instant(rows, "at"),
                                Optional.ofNullable(rows.getString("degraded")),
                                Optional.ofNullable(rows.getString("identified_by"))));
                    }
                });
    }

    @Override
    public Map<String, Usage> usageServedFromCache() {
        return jdbc.execute(USAGE_FROM_CACHE, statement -> {
            Map<String, Usage> usage = new TreeMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    usage.put(rows.getString("model"), new Usage(rows.getLong("input"), rows.getLong("output"),
                            rows.getLong("cache_write"), rows.getLong("cache_read"), rows.getInt("images")));
                }
            }
            return usage;
        });
    }
}
