package dev.boomer.adapter.persistence.item;

import static dev.boomer.adapter.persistence.jdbc.Sql.instant;
import static dev.boomer.adapter.persistence.jdbc.Sql.optionalInstant;
import static dev.boomer.adapter.persistence.jdbc.Sql.setOptionalInstant;
import static dev.boomer.adapter.persistence.jdbc.Sql.optionalText;
import static dev.boomer.adapter.persistence.jdbc.Sql.setInstant;
import static dev.boomer.adapter.persistence.jdbc.Sql.setOptionalText;
import static dev.boomer.adapter.persistence.jdbc.Sql.setUsd;
import static dev.boomer.adapter.persistence.jdbc.Sql.usd;
import static dev.boomer.adapter.persistence.jdbc.Sql.uuid;

import com.fasterxml.jackson.databind.JavaType;
import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.adapter.persistence.json.JsonCodec;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemEvent;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemQuery;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.Photo;
import dev.boomer.domain.user.UserId;
import dev.boomer.domain.work.InstanceName;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@Singleton
final class JdbcItemRepository implements ItemRepository {

    private static final String COLUMNS =
            "id, owner_id, priority, status, sku, reason, waits_for_usd, attempt, retries, next_attempt_at,"
                    + " waits_for_provider, photos, created_at, updated_at";

    /*
     * One statement decides who runs the item: PostgreSQL row-locks the row for the UPDATE, so of two
     * concurrent claims the second re-checks the WHERE clause after the first commits and matches nothing.
     */
    private static final String CLAIM = """
            WITH claimed AS (
            UPDATE items
               SET status = 'PROCESSING', reason = NULL, waits_for_usd = NULL, next_attempt_at = NULL,
                   waits_for_provider = false, lease_owner = ?, lease_until = ?, updated_at = ?
             WHERE id = ?
               AND ((status = 'RECEIVED' AND (next_attempt_at IS NULL OR next_attempt_at <= ?))
                    OR (status = 'PROCESSING' AND (lease_until IS NULL OR lease_until < ?)))
            RETURNING\s""" + COLUMNS + """
            ), event AS (
                INSERT INTO item_events (item_id, at, status, reason, instance)
                SELECT id, updated_at, status, reason, ? FROM claimed)
            SELECT * FROM claimed""";

    private static final String[] URGENCY = java.util.Arrays.stream(Priority.values()).map(Priority::name)
            .toArray(String[]::new);

    /* Priorities in order of urgency (URGENCY); created_at breaks ties, oldest first. */
    private static final String MOST_URGENT_DUE = """
            SELECT id FROM items
             WHERE status = 'RECEIVED' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
               AND NOT (id = ANY (?))
             ORDER BY array_position(?, priority), created_at
             LIMIT 1""";

    /* The lease only means something while the item is PROCESSING; any other state drops it. */
    private static final String UPDATE = """
            UPDATE items
               SET status = ?, reason = ?, waits_for_usd = ?, attempt = ?, retries = ?, next_attempt_at = ?,
                   waits_for_provider = ?, updated_at = ?,
                   lease_owner = CASE WHEN ? = 'PROCESSING' THEN lease_owner END,
                   lease_until = CASE WHEN ? = 'PROCESSING' THEN lease_until END
             WHERE id = ?""";

    private static final String HELD = " AND status = 'PROCESSING' AND lease_owner = ?";
    private static final String UNCHANGED = " AND updated_at = ?";

    /* Every state written is a change of state: each one goes into the item's history with it. */
    private static final String WITH_EVENT = """
            WITH changed AS (%s RETURNING id, updated_at, status, reason)
            INSERT INTO item_events (item_id, at, status, reason, instance)
            SELECT id, updated_at, status, reason, ? FROM changed""";

    private static final String INSERT_EVENT =
            "INSERT INTO item_events (item_id, at, status, reason, instance) VALUES (?, ?, ?, ?, ?)";

    private final SqlExecutor jdbc;
    private final JsonCodec json;
    private final JavaType photoList;
    private final String instance;

    JdbcItemRepository(SqlExecutor jdbc, JsonCodec json, @Value("${boomer.worker-name:}") String workerName) {
        this.jdbc = jdbc;
        this.json = json;
        this.photoList = json.listOf(Photo.class);
        this.instance = InstanceName.of(workerName).value();
    }

    /** The item and its photo index (who holds which photo) in one transaction. */
    @Override
    public void insert(Item item) {
        jdbc.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO items (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)")) {
                statement.setObject(1, item.id().value());
                statement.setObject(2, item.owner().value());
                statement.setString(3, item.priority().name());
                statement.setString(4, item.status().name());
                setOptionalText(statement, 5, item.sku());
                setOptionalText(statement, 6, item.reason());
                setUsd(statement, 7, item.waitsFor());
                statement.setInt(8, item.attempt());
                statement.setInt(9, item.retries());
                setOptionalInstant(statement, 10, item.nextAttemptAt());
                statement.setBoolean(11, item.providersWait());
                statement.setString(12, json.write(item.photos()));
                setInstant(statement, 13, item.createdAt());
                setInstant(statement, 14, item.updatedAt());
                statement.executeUpdate();
            }
            try (PreparedStatement statement = connection.prepareStatement(INSERT_EVENT)) {
                statement.setObject(1, item.id().value());
                setInstant(statement, 2, item.updatedAt());
                statement.setString(3, item.status().name());
                setOptionalText(statement, 4, item.reason());
                statement.setString(5, instance);
                statement.executeUpdate();
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO item_photos (hash, owner_id, item_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (Photo photo : item.photos()) {
                    statement.setString(1, photo.hash().hex());
                    statement.setObject(2, item.owner().value());
                    statement.setObject(3, item.id().value());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
    }

    @Override
    public boolean holdsPhoto(ContentHash photo, Optional<UserId> owner) {
        String sql = owner.isEmpty() ? "SELECT EXISTS (SELECT 1 FROM item_photos WHERE hash = ?)"
                : "SELECT EXISTS (SELECT 1 FROM item_photos WHERE hash = ? AND owner_id = ?)";
        return jdbc.execute(sql, statement -> {
            statement.setString(1, photo.hex());
            if (owner.isPresent()) {
                statement.setObject(2, owner.get().value());
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        });
    }

    @Override
    public Optional<Item> findById(ItemId id) {
        return jdbc.execute("SELECT " + COLUMNS + " FROM items WHERE id = ?", statement -> {
            statement.setObject(1, id.value());
            return first(statement);
        });
    }

    @Override
    public void update(Item item) {
        if (store(item, Optional.empty(), Optional.empty()) == 0) {
            throw new IllegalArgumentException("no item " + item.id() + " to update");
        }
    }

    @Override
    public boolean updateHeld(Item item, String holder) {
        return store(item, Optional.of(holder), Optional.empty()) == 1;
    }

    @Override
    public boolean updateIfUnchanged(Item item, Instant readAt) {
        return store(item, Optional.empty(), Optional.of(readAt)) == 1;
    }

    @Override
    public boolean renewLease(ItemId id, String holder, Instant now, Duration lease) {
        return jdbc.execute("UPDATE items SET lease_until = ? WHERE id = ?" + HELD, statement -> {
            setInstant(statement, 1, now.plus(lease));
            statement.setObject(2, id.value());
            statement.setString(3, holder);
            return statement.executeUpdate();
        }) == 1;
    }

    /**
     * Writes the item's state; with a holder, only while that holder holds its lease; with a time, only
     * while the row is as it was read then.
     */
    private int store(Item item, Optional<String> holder, Optional<Instant> unchangedSince) {
        String update = UPDATE + holder.map(h -> HELD).orElse("") + unchangedSince.map(at -> UNCHANGED).orElse("");
        return jdbc.execute(WITH_EVENT.formatted(update), statement -> {
            String status = item.status().name();
            statement.setString(1, status);
            setOptionalText(statement, 2, item.reason());
            setUsd(statement, 3, item.waitsFor());
            statement.setInt(4, item.attempt());
            statement.setInt(5, item.retries());
            setOptionalInstant(statement, 6, item.nextAttemptAt());
            statement.setBoolean(7, item.providersWait());
            setInstant(statement, 8, item.updatedAt());
            statement.setString(9, status);
            statement.setString(10, status);
            statement.setObject(11, item.id().value());
            int next = 12;
            if (holder.isPresent()) {
                statement.setString(next++, holder.get());
            }
            if (unchangedSince.isPresent()) {
                setInstant(statement, next++, unchangedSince.get());
            }
            statement.setString(next, holder.map(InstanceName::ofHolder).orElse(instance));
            return statement.executeUpdate();
        });
    }

    @Override
    public List<Item> find(ItemQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM items WHERE true");
        query.owner().ifPresent(owner -> sql.append(" AND owner_id = ?"));
        query.status().ifPresent(status -> sql.append(" AND status = ?"));
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?");
        return jdbc.execute(sql.toString(), statement -> {
            int index = 1;
            if (query.owner().isPresent()) {
                statement.setObject(index++, query.owner().get().value());
            }
            if (query.status().isPresent()) {
                statement.setString(index++, query.status().get().name());
            }
            statement.setInt(index++, query.limit());
            statement.setInt(index, query.offset());
            return all(statement);
        });
    }

    @Override
    public List<ItemEvent> history(ItemId id) {
        return jdbc.execute("SELECT at, status, reason, instance FROM item_events WHERE item_id = ? ORDER BY id",
                statement -> {
                    statement.setObject(1, id.value());
                    List<ItemEvent> events = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            events.add(new ItemEvent(instant(rows, "at"), ItemStatus.valueOf(rows.getString("status")),
                                    optionalText(rows, "reason"), rows.getString("instance")));
                        }
                    }
                    return events;
                });
    }

    @Override
    public Map<ItemStatus, Long> countByStatus() {
        return jdbc.execute("SELECT status, count(*) FROM items GROUP BY status", statement -> {
            Map<ItemStatus, Long> counts = new EnumMap<>(ItemStatus.class);
            for (ItemStatus status : ItemStatus.values()) {
                counts.put(status, 0L);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(ItemStatus.valueOf(rows.getString(1)), rows.getLong(2));
                }
            }
            return counts;
        });
    }

    @Override
    public Optional<ItemId> mostUrgentDue(Instant now, Set<ItemId> except) {
        return jdbc.execute(MOST_URGENT_DUE, statement -> {
            setInstant(statement, 1, now);
            statement.setArray(2, statement.getConnection().createArrayOf("uuid",
                    except.stream().map(ItemId::value).toArray()));
            statement.setArray(3, statement.getConnection().createArrayOf("text", URGENCY));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new ItemId(uuid(rows, "id"))) : Optional.empty();
            }
        });
    }

    @Override
    public Optional<Item> claim(ItemId id, String worker, Instant now, Duration lease) {
        return jdbc.execute(CLAIM, statement -> {
            statement.setString(1, worker);
            setInstant(statement, 2, now.plus(lease));
            setInstant(statement, 3, now);
            statement.setObject(4, id.value());
            setInstant(statement, 5, now);
            setInstant(statement, 6, now);
            statement.setString(7, InstanceName.ofHolder(worker));
            return first(statement);
        });
    }

    @Override
    public List<Item> releaseHeldBy(String holderInstance, String reason, Instant now) {
        String release = """
                WITH released AS (
                    UPDATE items SET status = 'RECEIVED', reason = ?, lease_owner = NULL, lease_until = NULL,
                                     updated_at = ?
                    WHERE status = 'PROCESSING' AND starts_with(lease_owner, ?)
                    RETURNING\s""" + COLUMNS + """
                ), event AS (
                    INSERT INTO item_events (item_id, at, status, reason, instance)
                    SELECT id, updated_at, status, reason, ? FROM released)
                SELECT * FROM released""";
        return jdbc.execute(release, statement -> {
            statement.setString(1, reason);
            setInstant(statement, 2, now);
            statement.setString(3, holderInstance + "#");
            statement.setString(4, holderInstance);
            return all(statement);
        });
    }

    @Override
    public List<Item> findUnattended(Instant dueBefore, Instant now, int limit) {
        return jdbc.execute("SELECT " + COLUMNS + " FROM items"
                + " WHERE status IN ('RECEIVED', 'PROCESSING')"
                + " AND ((status = 'RECEIVED' AND coalesce(next_attempt_at, updated_at) < ?)"
                + " OR (status = 'PROCESSING' AND (lease_until IS NULL OR lease_until < ?)))"
                + " ORDER BY updated_at LIMIT ?", statement -> {
                    setInstant(statement, 1, dueBefore);
                    setInstant(statement, 2, now);
                    statement.setInt(3, limit);
                    return all(statement);
                });
    }

    private Optional<Item> first(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(toItem(rows)) : Optional.empty();
        }
    }

    private List<Item> all(PreparedStatement statement) throws SQLException {
        List<Item> items = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                items.add(toItem(rows));
            }
        }
        return items;
    }

    private Item toItem(ResultSet row) throws SQLException {
        List<Photo> photos = json.read(row.getString("photos"), photoList);
        return new Item(
                new ItemId(uuid(row, "id")),
                new UserId(uuid(row, "owner_id")),
                Priority.valueOf(row.getString("priority")),
                ItemStatus.valueOf(row.getString("status")),
                optionalText(row, "sku"),
                photos,
                optionalText(row, "reason"),
                usd(row, "waits_for_usd"),
                row.getInt("attempt"),
                row.getInt("retries"),
                optionalInstant(row, "next_attempt_at"),
                row.getBoolean("waits_for_provider"),
                instant(row, "created_at"),
                instant(row, "updated_at"));
    }
}
