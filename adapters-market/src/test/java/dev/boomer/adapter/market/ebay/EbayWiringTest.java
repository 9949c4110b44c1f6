package dev.boomer.adapter.market.ebay;

import dev.boomer.domain.market.MarketData;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EbayWiringTest {

    @Test
    void ebayIsTheMarketWhenConfiguredWithItsKeys() {
        try (ApplicationContext context = start(Map.of("boomer.market.provider", "ebay",
                "boomer.market.ebay.client-id", EbayStub.CLIENT_ID,
                "boomer.market.ebay.client-secret", EbayStub.CLIENT_SECRET,
                "boomer.market.ebay.marketplace", "EBAY_GB", "boomer.market.ebay.limit", "100",
                "boomer.processing.currency", "GBP"))) {
            assertThat(context.getBean(MarketData.class)).isInstanceOf(EbayMarketData.class);
            EbayConfig config = context.getBean(EbayConfig.class);
            assertThat(config.marketplace()).isEqualTo("EBAY_GB");
            assertThat(config.limit()).isEqualTo(100);
            assertThat(config.baseUrl()).hasToString("https://api.ebay.com");
        }
    }

    @Test
    void ebayWithoutKeysSaysWhichToSet() {
        try (ApplicationContext context = start(Map.of("boomer.market.provider", "ebay"))) {
            assertThatThrownBy(() -> context.getBean(MarketData.class)).rootCause()
                    .hasMessageContaining("EBAY_CLIENT_ID").hasMessageContaining("EBAY_CLIENT_SECRET");
        }
    }

    private static ApplicationContext start(Map<String, Object> properties) {
        return ApplicationContext.builder().properties(properties).singletons(Clock.systemUTC()).start();
    }
}
