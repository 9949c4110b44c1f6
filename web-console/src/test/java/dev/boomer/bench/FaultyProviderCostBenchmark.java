package dev.boomer.bench;

import dev.boomer.domain.cost.CostEntry;
import dev.boomer.domain.cost.CostLedger;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.vision.Tier;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a faulty provider costs: items run against the simulated provider with overloads, 429s with a
 * Retry-After, answers that stay invalid JSON and answers that never come injected, and the ledger is
 * read per item. Prints the figures; asserts that no answered call was paid twice in one attempt (a
 * retry resumes after the calls it paid for) and that every item settled. See docs/benchmarks.md.
 */
@Tag("benchmark")
class FaultyProviderCostBenchmark {

    private static final int ITEMS = Integer.getInteger("bench.items", 40);

    @Test
    void aRetryNeverPaysAgainForACallThatAnswered() {
        Map<String, Object> properties = new HashMap<>(TestApp.properties());
        properties.put("micronaut.server.port", -1);
        properties.put("boomer.vision.simulated.error-rate", "0.15");
        properties.put("boomer.vision.simulated.rate-limit-rate", "0.10");
        properties.put("boomer.vision.simulated.retry-after", "1s");
        properties.put("boomer.vision.simulated.lost-rate", "0.05");
        properties.put("boomer.vision.simulated.malformed-rate", "0.15");
        properties.put("boomer.vision.simulated.seed", "7");
        properties.put("boomer.processing.retry-first-delay", "200ms");
        try (ApplicationContext context = ApplicationContext.run(EmbeddedServer.class, properties).getApplicationContext();
             HttpClient http = HttpClient.create(context.getBean(EmbeddedServer.class).getURL())) {
            ItemRepository items = context.getBean(ItemRepository.class);
            CostLedger ledger = context.getBean(CostLedger.class);
            long start = System.nanoTime();
            List<ItemId> ids = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                Map<?, ?> accepted = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/items", MultipartBody.builder()
                                .addPart("photos", "p.jpg", MediaType.IMAGE_JPEG_TYPE, TestPhotos.jpeg(30_000 + i, 640, 480))
                                .build())
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(TestApp.ADMIN_TOKEN), Map.class);
                ids.add(ItemId.parse((String) accepted.get("id")));
            }
            List<Item> settled = await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> ids.stream().map(id -> items.findById(id).orElseThrow()).toList(),
                            all -> all.stream().allMatch(item -> item.status().isSettled()));
            double seconds = (System.nanoTime() - start) / 1e9;

            Map<ItemId, List<CostEntry>> calls = ids.stream().collect(Collectors.toMap(Function.identity(),
                    ledger::entriesFor));
            List<CostEntry> all = calls.values().stream().flatMap(List::stream).toList();
            long estimated = all.stream().filter(CostEntry::estimated).count();
            int answeredTwice = 0;
            int maxFastPaid = 0;
            for (List<CostEntry> entries : calls.values()) {
                for (Tier tier : Tier.values()) {
                    long answered = entries.stream().filter(e -> e.tier() == tier && !e.estimated()).count();
                    answeredTwice += answered > 1 ? 1 : 0;
                    if (tier == Tier.FAST) {
                        maxFastPaid = Math.max(maxFastPaid, (int) entries.stream().filter(e -> e.tier() == tier).count());
                    }
                }
            }
            Money spend = all.stream().map(CostEntry::cost).reduce(Money.usd("0"), Money::plus);
            Money estimatedSpend = all.stream().filter(CostEntry::estimated).map(CostEntry::cost)
                    .reduce(Money.usd("0"), Money::plus);
            Map<ItemStatus, Long> byStatus = new TreeMap<>(settled.stream()
                    .collect(Collectors.groupingBy(Item::status, Collectors.counting())));
            int retries = settled.stream().mapToInt(Item::retries).sum();
            System.out.printf(Locale.ROOT, """

                    ==== Faulty provider cost benchmark ====
                    items                      %d (overloaded 15 %%, 429 + Retry-After 10 %%, answer lost 5 %%, invalid JSON 15 %%)
                    settled                    %s in %.1f s, %d retries in all
                    paid vision calls          %d (%d answered, %d estimated: sent, no answer)
                    answered calls paid twice  %d item-tiers
                    FAST calls per item        at most %d (the extra ones are estimates of lost answers)
                    spend                      %s (%s estimated), %s per item
                    ========================================
                    %n""", ITEMS, byStatus, seconds, retries, all.size(), all.size() - estimated, estimated,
                    answeredTwice, maxFastPaid, spend.plain(), estimatedSpend.plain(),
                    spend.amount().divide(java.math.BigDecimal.valueOf(ITEMS), 6, java.math.RoundingMode.HALF_UP)
                            .toPlainString());
            assertThat(settled).allMatch(item -> item.status().isSettled());
            assertThat(answeredTwice).isZero();
        }
    }
}
