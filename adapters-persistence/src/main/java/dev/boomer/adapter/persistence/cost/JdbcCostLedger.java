package dev.boomer.adapter.persistence.cost;

import static dev.boomer.adapter.persistence.jdbc.Sql.instant;
import static dev.boomer.adapter.persistence.jdbc.Sql.setInstant;
import static dev.boomer.adapter.persistence.jdbc.Sql.uuid;

import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.adapter.persistence.json.JsonCodec;
import dev.boomer.domain.cost.CostEntry;
import dev.boomer.domain.cost.CostKey;
import dev.boomer.domain.cost.CostLedger;
import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.UnusableAnswer;
import dev.boomer.domain.vision.VisionResponse;
import dev.boomer.domain.vision.VisionResult;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

@Singleton
public final class JdbcCostLedger implements CostLedger {

    /** Decimal places of the cost_usd column; more would be rounded away by PostgreSQL. */
    static final int COST_SCALE = 10;

    /* The unique idempotency key makes a re-run job's second record a no-op, even across instances. */
    private static final String RECORD = """
            INSERT INTO cost_entries (idempotency_key, item_id, step, attempt, user_id, provider, model, tier,
                                      input_tokens, output_tokens, cache_write_tokens, cache_read_tokens, images,
                                      cost_usd, at, estimated, answer)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
            ON CONFLICT (idempotency_key) DO NOTHING""";

    /* Every column but the answer, which only a retry of the same attempt reads. */
    private static final String ENTRY_COLUMNS = """
            idempotency_key, user_id, provider, model, tier, input_tokens, output_tokens, cache_write_tokens,
            cache_read_tokens, images, cost_usd, at, estimated""";

    private static final int EXPORT_FETCH_SIZE = 1_000;

    private final SqlExecutor jdbc;
    private final JsonCodec json;

    JdbcCostLedger(SqlExecutor jdbc, JsonCodec json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public boolean record(CostEntry entry, Optional<VisionResult> answer) {
        return jdbc.inTransaction(connection -> record(connection, entry, answer));
    }

    /** Records inside the caller's transaction, so that the entry commits with what it pays for. */
    public boolean record(Connection connection, CostEntry entry, Optional<VisionResult> answer)
            throws SQLException {
        BigDecimal cost = entry.cost().amount();
        if (cost.scale() > COST_SCALE) {
            throw new IllegalArgumentException("cost " + entry.cost() + " has more than " + COST_SCALE
                    + " decimal places and cannot be stored exactly");
        }
        try (PreparedStatement statement = connection.prepareStatement(RECORD)) {
            Usage usage = entry.usage();
            statement.setString(1, entry.key().value());
            statement.setObject(2, entry.key().item().value());
            statement.setString(3, entry.key().step());
            statement.setInt(4, entry.key().attempt());
            statement.setObject(5, entry.user().value());
            statement.setString(6, entry.provider());
            statement.setString(7, entry.model());
            statement.setString(8, entry.tier().name());
            statement.setLong(9, usage.inputTokens());
            statement.setLong(10, usage.outputTokens());
            statement.setLong(11, usage.cacheWriteTokens());
            statement.setLong(12, usage.cacheReadTokens());
            statement.setInt(13, usage.images());
            statement.setBigDecimal(14, cost);
            setInstant(statement, 15, entry.at());
            statement.setBoolean(16, entry.estimated());
            statement.setString(17, answer.map(a -> json.write(StoredAnswer.of(a))).orElse(null));
            return statement.executeUpdate() == 1;
        }
    }

    @Override
    public Optional<VisionResult> answerTo(CostKey key) {
        return jdbc.execute("SELECT answer FROM cost_entries WHERE idempotency_key = ? AND answer IS NOT NULL",
                statement -> {
                    statement.setString(1, key.value());
                    try (ResultSet row = statement.executeQuery()) {
                        return row.next()
                                ? Optional.of(json.read(row.getString("answer"), StoredAnswer.class).result())
                                : Optional.empty();
                    }
                });
    }

    /** A call's answer as stored: exactly one of the two is set. */
    record StoredAnswer(VisionResponse usable, UnusableAnswer unusable) {
        static StoredAnswer of(VisionResult result) {
            return switch (result) {
                case VisionResponse response -> new StoredAnswer(response, null);
                case UnusableAnswer answer -> new StoredAnswer(null, answer);
            };
        }

        VisionResult result() {
            return usable != null ? usable : Objects.requireNonNull(unusable, "stored answer is empty");
        }
    }

    @Override
    public List<CostEntry> entriesFor(ItemId item) {
        return jdbc.execute("SELECT " + ENTRY_COLUMNS + " FROM cost_entries WHERE item_id = ? ORDER BY at, id", statement -> {
            statement.setObject(1, item.value());
            List<CostEntry> entries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(toEntry(rows));
                }
            }
            return entries;
        });
    }

    @Override
    public Money totalFor(ItemId item) {
        return jdbc.execute("SELECT coalesce(sum(cost_usd), 0) FROM cost_entries WHERE item_id = ?",
                statement -> {
                    statement.setObject(1, item.value());
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        return Money.usd(rows.getBigDecimal(1));
                    }
                });
    }

    @Override
    public void forEachEntry(Instant from, Instant to, Optional<UserId> user, Consumer<CostEntry> action) {
        String query = "SELECT " + ENTRY_COLUMNS + " FROM cost_entries WHERE at >= ? AND at < ?"
                + (user.isPresent() ? " AND user_id = ?" : "") + " ORDER BY at, id";
        jdbc.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(query)) {
                statement.setFetchSize(EXPORT_FETCH_SIZE); // a cursor: rows arrive in batches, not all at once
                setInstant(statement, 1, from);
                setInstant(statement, 2, to);
                if (user.isPresent()) {
                    statement.setObject(3, user.get().value());
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        action.accept(toEntry(rows));
                    }
                }
            }
            return null;
        });
    }

    private static CostEntry toEntry(ResultSet row) throws SQLException {
        CostKey key = CostKey.parse(row.getString("idempotency_key"));
        Usage usage = new Usage(row.getLong("input_tokens"), row.getLong("output_tokens"),
                row.getLong("cache_write_tokens"), row.getLong("cache_read_tokens"), row.getInt("images"));
        return new CostEntry(key, new UserId(uuid(row, "user_id")), row.getString("provider"),
                row.getString("model"), Tier.valueOf(row.getString("tier")), usage,
                Money.usd(row.getBigDecimal("cost_usd")), instant(row, "at"), row.getBoolean("estimated"));
    }
}
