package dev.boomer.bench;

import dev.boomer.adapter.market.ebay.EbayStub;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.testing.TestApp;
import dev.boomer.testing.TestPhotos;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the market stage costs and how many drafts pass the listing rules: the six demo samples and N
 * items of photos the simulated model does not know, once against a stub speaking eBay's wire format
 * (counting its Browse, token, Taxonomy and condition policy calls) and once on the simulated market and taxonomy (counting
 * the drafts that pass). Prints figures; asserts only that every item settled. See docs/benchmarks.md.
 */
@Tag("benchmark")
class MarketLookupsBenchmark {

    private static final int UNKNOWN = Integer.getInteger("bench.items", 54);
    private static final Path SAMPLES = Path.of("..", "samples", "photos");
    private static final List<List<String>> SAMPLE_ITEMS = List.of(List.of("camera.jpg", "camera-2.jpg"),
            List.of("sneaker.jpg", "sneaker-2.jpg"), List.of("book.jpg"), List.of("mug.jpg", "mug-2.jpg"),
            List.of("console.jpg", "console-2.jpg"), List.of("watch.jpg", "watch-2.jpg"));

    @Test
    void marketCallsPerItemAndDraftsPassingTheRules() {
        try (EbayStub ebay = new EbayStub()) {
            Map<String, Object> withEbay = new HashMap<>(TestApp.properties());
            withEbay.put("boomer.market.provider", "ebay");
            withEbay.put("boomer.market.ebay.client-id", EbayStub.CLIENT_ID);
            withEbay.put("boomer.market.ebay.client-secret", EbayStub.CLIENT_SECRET);
            withEbay.put("boomer.market.ebay.base-url", ebay.baseUrl().toString());
            List<Item> priced = run(withEbay);
            int searches = ebay.searches().size();
            int taxonomy = ebay.taxonomyCalls().size();
            int conditionPolicies = ebay.conditionPolicyCalls().size();
            List<Item> simulated = run(new HashMap<>(TestApp.properties()));

            List<Item> samples = simulated.subList(0, SAMPLE_ITEMS.size());
            List<Item> unknown = simulated.subList(SAMPLE_ITEMS.size(), simulated.size());
            System.out.printf(Locale.ROOT, """

                    ==== Boomer market lookups and listing rules ====
                    items                         %d (%d demo samples, %d unknown photos)
                    eBay (stub) Browse searches   %d  (%.2f per item; %d market lookups served from the cache)
                    eBay token requests           %d
                    eBay Taxonomy calls           %d  (%.2f per item)
                    eBay condition policy calls   %d
                    simulated: samples drafted    %d of %d  %s
                    simulated: unknown drafted    %d of %d  %s
                    """, priced.size(), SAMPLE_ITEMS.size(), UNKNOWN, searches, (double) searches / priced.size(),
                    priced.size() - searches, ebay.tokenRequests(), taxonomy, (double) taxonomy / priced.size(), conditionPolicies,
                    drafted(samples), samples.size(), reasons(samples), drafted(unknown), unknown.size(),
                    reasons(unknown));
            assertThat(priced).allMatch(item -> item.status().isSettled());
            assertThat(simulated).allMatch(item -> item.status().isSettled());
        }
    }

    /** The samples, then the unknown items, each settled. */
    private static List<Item> run(Map<String, Object> properties) {
        properties.put("micronaut.server.port", -1);
        try (ApplicationContext context = ApplicationContext.run(EmbeddedServer.class, properties).getApplicationContext();
             HttpClient http = HttpClient.create(context.getBean(EmbeddedServer.class).getURL())) {
            List<ItemId> ids = new ArrayList<>();
            for (List<String> photos : SAMPLE_ITEMS) {
                MultipartBody.Builder body = MultipartBody.builder();
                photos.forEach(name -> body.addPart("photos", name, MediaType.IMAGE_JPEG_TYPE, read(name)));
                ids.add(post(http, body.build()));
            }
            for (int i = 0; i < UNKNOWN; i++) {
                ids.add(post(http, MultipartBody.builder().addPart("photos", "p.jpg", MediaType.IMAGE_JPEG_TYPE,
                        TestPhotos.jpeg(70_000 + i, 640, 480)).build()));
            }
            ItemRepository items = context.getBean(ItemRepository.class);
            return await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> ids.stream().map(id -> items.findById(id).orElseThrow()).toList(),
                            all -> all.stream().allMatch(item -> item.status().isSettled()));
        }
    }

    private static ItemId post(HttpClient http, MultipartBody body) {
        Map<?, ?> accepted = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/items", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(TestApp.ADMIN_TOKEN), Map.class);
        return ItemId.parse((String) accepted.get("id"));
    }

    private static long drafted(List<Item> items) {
        return items.stream().filter(item -> item.status() == ItemStatus.DRAFTED).count();
    }

    /** Why the others need review, by reason code. */
    private static String reasons(List<Item> items) {
        Map<String, Long> codes = items.stream().filter(item -> item.status() != ItemStatus.DRAFTED)
                .collect(Collectors.groupingBy(item -> item.reason().map(r -> r.split(":")[0]).orElse("none"),
                        TreeMap::new, Collectors.counting()));
        return codes.isEmpty() ? "" : "(others: " + codes + ")";
    }

    private static byte[] read(String name) {
        try {
            return Files.readAllBytes(SAMPLES.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
