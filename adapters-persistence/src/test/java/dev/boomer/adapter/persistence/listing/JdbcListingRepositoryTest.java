package dev.boomer.adapter.persistence.listing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boomer.adapter.persistence.TestDatabase;
import dev.boomer.adapter.persistence.TestRows;
import dev.boomer.domain.contract.ListingRepositoryContract;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.listing.ListingRepository;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.boomer.domain.item.Condition;
import dev.boomer.domain.listing.ListingDraft;
import dev.boomer.domain.listing.PriceEvidence;
import dev.boomer.domain.listing.PricingPolicy;
import dev.boomer.domain.market.ComparableSale;
import dev.boomer.domain.market.MarketQuote;
import dev.boomer.domain.market.OutlierRule;
import dev.boomer.domain.market.PriceKind;
import dev.boomer.domain.market.PriceSource;
import dev.boomer.domain.market.Screening;
import dev.boomer.domain.money.Money;
import org.junit.jupiter.api.Test;

class JdbcListingRepositoryTest extends ListingRepositoryContract {

    @Override
    protected ListingRepository createRepository() {
        TestDatabase.truncateAll();
        return TestDatabase.context().getBean(ListingRepository.class);
    }

    @Override
    protected ItemId anItem() {
        return TestRows.anExistingItem();
    }

    @Test
    void titleAndPriceAreCopiedIntoQueryableColumns() throws Exception {
        ListingRepository listings = createRepository();
        ItemId item = anItem();
        Money price = Money.usd("245.5");
        PriceEvidence evidence = PriceEvidence.of(quote(price), PricingPolicy.DEFAULT);
        listings.save(new ListingDraft(item, "Nikon F3 body", "Works.", "Film Cameras", "15230", Condition.USED_GOOD, Map.of(),
                price, evidence, 0.9, Instant.parse("2025-03-01T10:00:00Z")));

        try (Connection connection = TestDatabase.connect(TestDatabase.database());
             PreparedStatement query = connection.prepareStatement(
                     "SELECT title, price_amount, price_currency FROM listings WHERE item_id = ?")) {
            query.setObject(1, item.value());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("title")).isEqualTo("Nikon F3 body");
                assertThat(row.getBigDecimal("price_amount")).isEqualByComparingTo(new BigDecimal("245.5"));
                assertThat(row.getString("price_currency")).isEqualTo("USD");
            }
        }
    }

    @Test
    void evidenceStoredBeforeKindsShippingAndScreeningWereRecordedStillReads() throws Exception {
        ListingRepository listings = createRepository();
        ItemId item = anItem();
        Money price = Money.usd("245.5");
        listings.save(new ListingDraft(item, "Nikon F3 body", "Works.", "Film Cameras", "15230", Condition.USED_GOOD, Map.of(),
                price, PriceEvidence.of(quote(price), PricingPolicy.DEFAULT), 0.9, Instant.parse("2025-03-01T10:00:00Z")));
        try (Connection connection = TestDatabase.connect(TestDatabase.database());
             PreparedStatement strip = connection.prepareStatement("""
                     UPDATE listings SET draft = draft #- '{evidence,kind}' #- '{evidence,query}'
                         #- '{evidence,screening}' #- '{evidence,pricing}' #- '{evidence,comps,0,shipping}'
                         #- '{evidence,comps,0,listedAt}'
                      WHERE item_id = ?""")) {
            strip.setObject(1, item.value());
            assertThat(strip.executeUpdate()).isEqualTo(1);
        }

        PriceEvidence evidence = listings.findByItem(item).orElseThrow().evidence();

        assertThat(evidence.kind()).isEqualTo(PriceKind.ACTIVE_ASKING);
        assertThat(evidence.screening().kept()).isEqualTo(1);
        assertThat(evidence.comps().getFirst().shipping()).isEqualTo(Money.usd("0"));
        assertThat(evidence.comps().getFirst().listedAt()).isEmpty();
    }

    private static MarketQuote quote(Money price) {
        ComparableSale sale = new ComparableSale("Nikon F3", price, Money.usd("9.99"), Condition.USED_GOOD,
                "https://www.ebay.com/itm/1", Optional.of(Instant.parse("2025-02-01T10:00:00Z")));
        return MarketQuote.fromComps(PriceSource.EBAY, PriceKind.ACTIVE_ASKING, "gtin 0018208012345", List.of(sale),
                new Screening(OutlierRule.RULE, 2, 1), Instant.parse("2025-03-01T09:00:00Z"));
    }
}
