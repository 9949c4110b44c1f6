package dev.boomer.adapter.persistence.listing;

import static dev.boomer.adapter.persistence.jdbc.Sql.setInstant;

import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.adapter.persistence.json.JsonCodec;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.listing.ListingDraft;
import dev.boomer.domain.listing.ListingRepository;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The draft itself is JSON; title and price are copied into columns for lists and exports. */
@Singleton
final class JdbcListingRepository implements ListingRepository {

    private static final String UPSERT = """
            INSERT INTO listings (item_id, draft, title, price_amount, price_currency, created_at)
            VALUES (?, ?::jsonb, ?, ?, ?, ?)
            ON CONFLICT (item_id) DO UPDATE
               SET draft = excluded.draft, title = excluded.title, price_amount = excluded.price_amount,
                   price_currency = excluded.price_currency, created_at = excluded.created_at""";

    private final SqlExecutor jdbc;
    private final JsonCodec json;

    JdbcListingRepository(SqlExecutor jdbc, JsonCodec json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void save(ListingDraft draft) {
        jdbc.execute(UPSERT, statement -> {
            statement.setObject(1, draft.item().value());
            statement.setString(2, json.write(draft));
            statement.setString(3, draft.title());
            statement.setBigDecimal(4, draft.price().amount());
            statement.setString(5, draft.price().currency().getCurrencyCode());
            setInstant(statement, 6, draft.createdAt());
            return statement.executeUpdate();
        });
    }

    @Override
    public Optional<ListingDraft> findByItem(ItemId item) {
        return jdbc.execute("SELECT draft FROM listings WHERE item_id = ?", statement -> {
            statement.setObject(1, item.value());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(json.read(rows.getString(1), ListingDraft.class)) : Optional.empty();
            }
        });
    }

    @Override
    public List<ItemId> pricedBefore(Instant cutoff, int limit) {
        return jdbc.execute("SELECT item_id FROM listings WHERE created_at < ? ORDER BY created_at LIMIT ?",
                statement -> {
                    setInstant(statement, 1, cutoff);
                    statement.setInt(2, limit);
                    List<ItemId> found = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            found.add(new ItemId(rows.getObject(1, java.util.UUID.class)));
                        }
                    }
                    return found;
                });
    }
}
