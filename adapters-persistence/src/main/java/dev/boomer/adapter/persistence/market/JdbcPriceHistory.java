package dev.boomer.adapter.persistence.market;

import static dev.boomer.adapter.persistence.jdbc.Sql.instant;
import static dev.boomer.adapter.persistence.jdbc.Sql.optionalInstant;
import static dev.boomer.adapter.persistence.jdbc.Sql.setInstant;
import static dev.boomer.adapter.persistence.jdbc.Sql.setOptionalInstant;

import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.domain.item.Condition;
import dev.boomer.domain.market.ComparableSale;
import dev.boomer.domain.market.MarketQuery;
import dev.boomer.domain.market.MarketQuote;
import dev.boomer.domain.market.PriceHistory;
import dev.boomer.domain.market.PriceSource;
import dev.boomer.domain.money.Money;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The price history in PostgreSQL ({@code price_observations}, V17): one row per listing, query, condition
 * and day.
 */
@Singleton
final class JdbcPriceHistory implements PriceHistory {

    private static final String UPSERT = """
            INSERT INTO price_observations (source, kind, listing_url, condition, seen_on, seen_at, gtin, words_key,
                                            currency, title, price, shipping, listing_condition, listed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (source, listing_url, words_key, condition, seen_on) DO UPDATE
               SET seen_at = excluded.seen_at, gtin = coalesce(excluded.gtin, price_observations.gtin),
                   title = excluded.title, price = excluded.price, shipping = excluded.shipping,
                   listing_condition = excluded.listing_condition, listed_at = excluded.listed_at""";
    private static final String LATEST = """
            SELECT * FROM (
                SELECT DISTINCT ON (source, listing_url) source, listing_url, title, price, shipping, currency,
                       listing_condition, listed_at, seen_at
                  FROM price_observations
                 WHERE %s AND condition = ? AND currency = ? AND seen_at >= ?
                 ORDER BY source, listing_url, seen_at DESC) latest
             ORDER BY seen_at DESC
             LIMIT ?""";

    private final SqlExecutor jdbc;

    JdbcPriceHistory(SqlExecutor jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(MarketQuery query, MarketQuote quote) {
        if (quote.comps().isEmpty()) {
            return;
        }
        Instant seenAt = quote.quotedAt();
        jdbc.execute(UPSERT, statement -> {
            for (ComparableSale sale : quote.comps()) {
                statement.setString(1, quote.source().name());
                statement.setString(2, quote.kind().name());
                statement.setString(3, sale.url());
                statement.setString(4, query.condition().name());
                statement.setDate(5, Date.valueOf(seenAt.atZone(ZoneOffset.UTC).toLocalDate()));
                setInstant(statement, 6, seenAt);
                statement.setString(7, query.gtinKey().orElse(null));
                statement.setString(8, query.wordsKey());
                statement.setString(9, sale.price().currency().getCurrencyCode());
                statement.setString(10, sale.title());
                statement.setBigDecimal(11, sale.price().amount());
                statement.setBigDecimal(12, sale.shipping().amount());
                statement.setString(13, sale.condition().name());
                setOptionalInstant(statement, 14, sale.listedAt());
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    @Override
    public List<Observation> seen(MarketQuery query, Instant since, int limit) {
        String by = query.gtin().isPresent() ? "gtin = ?" : "words_key = ?";
        return jdbc.execute(LATEST.formatted(by), statement -> {
            statement.setString(1, query.gtinKey().orElseGet(query::wordsKey));
            statement.setString(2, query.condition().name());
            statement.setString(3, query.currency().getCurrencyCode());
            setInstant(statement, 4, since);
            statement.setInt(5, limit);
            List<Observation> seen = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    seen.add(observation(rows));
                }
            }
            return seen;
        });
    }

    private static Observation observation(ResultSet row) throws java.sql.SQLException {
        String currency = row.getString("currency");
        ComparableSale sale = new ComparableSale(row.getString("title"),
                Money.of(row.getBigDecimal("price").toPlainString(), currency),
                Money.of(row.getBigDecimal("shipping").toPlainString(), currency),
                Condition.valueOf(row.getString("listing_condition")), row.getString("listing_url"),
                optionalInstant(row, "listed_at"));
        return new Observation(sale, PriceSource.valueOf(row.getString("source")), instant(row, "seen_at"));
    }
}
