package dev.boomer.adapter.persistence.market;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boomer.adapter.persistence.TestDatabase;
import dev.boomer.domain.contract.PriceHistoryContract;
import dev.boomer.domain.item.Condition;
import dev.boomer.domain.market.MarketQuery;
import dev.boomer.domain.market.PriceHistory;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcPriceHistoryTest extends PriceHistoryContract {

    private PriceHistory history;

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.truncateAll();
        history = TestDatabase.context().getBean(PriceHistory.class);
    }

    @Override
    protected PriceHistory history() {
        return history;
    }

    @Test
    void theTrendViewSumsUpEachProductPerDay() throws Exception {
        MarketQuery query = query(Optional.of("0018208012345"), "nikon f3 body", Condition.USED_GOOD);
        history.record(query, quote(DAY_1, sale("a", "200.00", "10.00"), sale("b", "220.00", "0"),
                sale("c", "300.00", "0")));
        history.record(query, quote(DAY_1.plus(Duration.ofDays(1)), sale("a", "190.00", "10.00")));

        try (Connection connection = TestDatabase.connect(TestDatabase.database());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT product, day, listings, median_total FROM market_trends ORDER BY day")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("product")).isEqualTo("gtin-00018208012345");
            assertThat(rows.getString("day")).isEqualTo("2026-11-01");
            assertThat(rows.getInt("listings")).isEqualTo(3);
            assertThat(rows.getBigDecimal("median_total")).isEqualByComparingTo(new BigDecimal("220"));
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt("listings")).isEqualTo(1);
            assertThat(rows.next()).isFalse();
        }
    }
}
