package dev.boomer.providers;

import dev.boomer.adapter.market.ebay.EbayStub;
import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.resilience.GuardState;
import dev.boomer.testing.TestApp;
import dev.boomer.testing.TestPhotos;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Boomer configured for eBay (a stub speaking eBay's OAuth and Browse wire format): an item is priced from
 * active eBay listings, says so, and asks their median less the configured discount.
 */
class EbayPricingTest {

    @Test
    @SuppressWarnings("unchecked")
    void anItemIsPricedFromActiveEbayListingsLessTheAskingDiscount() {
        try (EbayStub ebay = new EbayStub()) {
            Map<String, Object> properties = new HashMap<>(TestApp.properties());
            properties.put("micronaut.server.port", -1);
            properties.put("boomer.market.provider", "ebay");
            properties.put("boomer.market.ebay.client-id", EbayStub.CLIENT_ID);
            properties.put("boomer.market.ebay.client-secret", EbayStub.CLIENT_SECRET);
            properties.put("boomer.market.ebay.base-url", ebay.baseUrl().toString());
            properties.put("boomer.market.asking-discount", "0.15");
            try (ApplicationContext context = ApplicationContext.run(EmbeddedServer.class, properties)
                    .getApplicationContext();
                 HttpClient http = HttpClient.create(context.getBean(EmbeddedServer.class).getURL())) {
                Map<String, Object> accepted = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/items",
                                MultipartBody.builder().addPart("photos", "p.jpg", MediaType.IMAGE_JPEG_TYPE,
                                        TestPhotos.jpeg(51_000, 640, 480)).build())
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(TestApp.ADMIN_TOKEN), Map.class);

                Map<String, Object> item = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                        .until(() -> http.toBlocking().retrieve(HttpRequest.GET("/api/v1/items/" + accepted.get("id"))
                                .bearerAuth(TestApp.ADMIN_TOKEN), Map.class), body -> body.containsKey("listing"));

                Map<String, Object> listing = (Map<String, Object>) item.get("listing");
                Map<String, Object> evidence = (Map<String, Object>) listing.get("evidence");
                Map<String, Object> price = (Map<String, Object>) listing.get("price");
                assertThat(evidence).containsEntry("source", "EBAY").containsEntry("kind", "ACTIVE_ASKING");
                assertThat((Map<String, Object>) price.get("evidence")).containsEntry("kind", "ACTIVE_ASKING");
                assertThat((Map<String, Object>) evidence.get("screening")).containsEntry("found", 7);
                assertThat((List<Map<String, Object>>) evidence.get("comparables"))
                        .allSatisfy(comp -> assertThat((String) comp.get("url")).startsWith("https://www.ebay.com/itm/"));
                BigDecimal median = new BigDecimal((String) ((Map<String, Object>) evidence.get("median")).get("amount"));
                assertThat(new BigDecimal((String) price.get("amount")))
                        .isEqualByComparingTo(median.multiply(new BigDecimal("0.85")).setScale(2, RoundingMode.HALF_UP));
                assertThat((String) price.get("pricing")).contains("less 15 %");
                assertThat(ebay.tokenRequests()).isEqualTo(1);
                assertThat(ebay.searches().getFirst().header("X-EBAY-C-MARKETPLACE-ID")).isEqualTo("EBAY_US");
                List<String> kept = context.getBean(SqlExecutor.class).execute(
                        "SELECT count(*), min(source), min(kind) FROM price_observations", statement -> {
                            try (var rows = statement.executeQuery()) {
                                rows.next();
                                return List.of(rows.getString(1), rows.getString(2), rows.getString(3));
                            }
                        });
                assertThat(kept).as("the comparables eBay showed are kept in the price history").containsExactly(
                        String.valueOf(((List<?>) evidence.get("comparables")).size()), "EBAY", "ACTIVE_ASKING");
                List<GuardState> guards = context.getBean(ProviderGuards.class).states().stream()
                        .filter(state -> state.provider().equals("ebay")).toList();
                GuardState browse = guards.stream().filter(state -> state.model().equals("quotes")).findFirst()
                        .orElseThrow();
                assertThat(browse.limits().callsPerDay()).as("a default eBay keyset's Browse calls a day").isEqualTo(5000);
                assertThat(browse.callsLeftToday()).contains(5000L - ebay.searches().size());
                GuardState taxonomy = guards.stream().filter(state -> state.model().equals("taxonomy")).findFirst()
                        .orElseThrow();
                // the tree id, asked once per start, is made within the first suggestion's guarded call
                assertThat(taxonomy.callsLeftToday()).as("category, aspect and condition calls, counted apart")
                        .contains(5000L - (ebay.taxonomyCalls().size() - 1) - ebay.conditionPolicyCalls().size());
            }
        }
    }
}
