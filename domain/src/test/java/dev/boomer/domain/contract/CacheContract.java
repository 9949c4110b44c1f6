package dev.boomer.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.boomer.domain.cache.Cache;
import dev.boomer.domain.cache.CacheKey;
import dev.boomer.domain.cache.CacheSelection;
import dev.boomer.domain.cache.CacheTags;
import dev.boomer.domain.money.Money;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Cache} does, whatever its layers. Each test starts from an empty cache. */
public abstract class CacheContract {

    /** How a thread that waits for another's load looks from outside. */
    private static final Set<Thread.State> PARKED = Set.of(Thread.State.WAITING, Thread.State.TIMED_WAITING,
            Thread.State.BLOCKED);

    /** A value shaped like the records the pipeline caches: text, exact money, optionals, maps. */
    public record Quote(String query, Money median, Optional<String> gtin, Map<String, String> specifics) {
    }

    private static final Quote QUOTE = new Quote("nikon f3 body", Money.usd("245.0001"), Optional.of("0018208012345"),
            Map.of("Brand", "Nikon"));

    private Cache cache;

    protected abstract Cache createCache();

    @BeforeEach
    void createTheCache() {
        cache = createCache();
    }

    @Test
    void aMissFindsNothing() {
        assertThat(cache.get(CacheKey.of("market", "nothing-here"), Quote.class)).isEmpty();
    }

    @Test
    void aPutValueIsReadBackEqual() {
        CacheKey key = CacheKey.of("market", "nikon-f3", "v1");

        cache.put(key, QUOTE);

        assertThat(cache.get(key, Quote.class)).contains(QUOTE);
    }

    @Test
    void aSecondPutReplacesTheValue() {
        CacheKey key = CacheKey.of("market", "nikon-f3", "v1");
        Quote cheaper = new Quote("nikon f3 body", Money.usd("199"), Optional.empty(), Map.of());

        cache.put(key, QUOTE);
        cache.put(key, cheaper);

        assertThat(cache.get(key, Quote.class)).contains(cheaper);
    }

    @Test
    void getOrLoadLoadsOnceAndThenServesTheCachedValue() {
        CacheKey key = CacheKey.of("vision", "abc", "p1", "FAST");
        AtomicInteger loads = new AtomicInteger();

        Quote first = cache.getOrLoad(key, Quote.class, () -> {
            loads.incrementAndGet();
            return QUOTE;
        });
        Quote second = cache.getOrLoad(key, Quote.class, () -> {
            loads.incrementAndGet();
            return QUOTE;
        });

        assertThat(first).isEqualTo(QUOTE);
        assertThat(second).isEqualTo(QUOTE);
        assertThat(loads).hasValue(1);
    }

    @Test
    void concurrentCallersOfOneKeyShareASingleLoad() throws Exception {
        CacheKey key = CacheKey.of("vision", "shared", "p1", "FAST");
        AtomicInteger loads = new AtomicInteger();
        int callers = 8;
        CyclicBarrier start = new CyclicBarrier(callers);
        CountDownLatch arrived = new CountDownLatch(callers);
        List<Callable<Quote>> calls = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            calls.add(() -> {
                start.await();
                arrived.countDown();
                return cache.getOrLoad(key, Quote.class, () -> {
                    loads.incrementAndGet();
                    // keep the load running until every caller has set off for the same key
                    assertThat(awaitAll(arrived)).as("every caller set off").isTrue();
                    return QUOTE;
                });
            });
        }

        List<Quote> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            for (Future<Quote> result : pool.invokeAll(calls)) {
                results.add(result.get());
            }
        }

        assertThat(results).hasSize(callers).containsOnly(QUOTE);
        assertThat(loads).hasValue(1);
    }

    @Test
    void aFailedLoadIsNotSharedEachWaiterLoadsForItself() throws Exception {
        CacheKey key = CacheKey.of("vision", "over-budget", "p1", "FAST");
        CountDownLatch firstLoading = new CountDownLatch(1);
        AtomicReference<Thread> secondCaller = new AtomicReference<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<Quote> first = pool.submit(() -> cache.getOrLoad(key, Quote.class, () -> {
                firstLoading.countDown();
                // the second caller is waiting on this load (parked, in whatever way the cache waits)
                await().atMost(Duration.ofSeconds(10)).until(() -> secondCaller.get() != null
                        && PARKED.contains(secondCaller.get().getState()));
                throw new IllegalStateException("the first caller's budget is spent");
            }));
            assertThat(awaitAll(firstLoading)).isTrue();
            Future<Quote> second = pool.submit(() -> {
                secondCaller.set(Thread.currentThread());
                return cache.getOrLoad(key, Quote.class, () -> QUOTE);
            });

            assertThat(second.get(10, TimeUnit.SECONDS)).as("loaded under its own budget").isEqualTo(QUOTE);
            assertThatThrownBy(first::get).hasCauseInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aLoaderReturningNullCachesNothing() {
        CacheKey key = CacheKey.of("market", "unknown-item");

        assertThat(cache.getOrLoad(key, Quote.class, () -> null)).isNull();

        assertThat(cache.get(key, Quote.class)).isEmpty();
        assertThat(cache.getOrLoad(key, Quote.class, () -> QUOTE)).isEqualTo(QUOTE);
    }

    @Test
    void aFailingLoaderPassesItsErrorOnAndCachesNothing() {
        CacheKey key = CacheKey.of("market", "flaky");

        assertThatThrownBy(() -> cache.getOrLoad(key, Quote.class, () -> {
            throw new IllegalStateException("market down");
        })).isInstanceOf(IllegalStateException.class).hasMessage("market down");

        assertThat(cache.get(key, Quote.class)).isEmpty();
    }

    @Test
    void invalidateRemovesOneKey() {
        CacheKey gone = CacheKey.of("market", "gone");
        CacheKey kept = CacheKey.of("market", "kept");
        cache.put(gone, QUOTE);
        cache.put(kept, QUOTE);

        cache.invalidate(gone);

        assertThat(cache.get(gone, Quote.class)).isEmpty();
        assertThat(cache.get(kept, Quote.class)).contains(QUOTE);
    }

    @Test
    void invalidateNamespaceRemovesOnlyThatNamespace() {
        CacheKey market = CacheKey.of("market", "nikon-f3");
        CacheKey vision = CacheKey.of("vision", "nikon-f3");
        cache.put(market, QUOTE);
        cache.put(vision, QUOTE);

        assertThat(cache.invalidate(CacheSelection.namespace("market"))).isEqualTo(1);

        assertThat(cache.get(market, Quote.class)).isEmpty();
        assertThat(cache.get(vision, Quote.class)).contains(QUOTE);
    }

    @Test
    void invalidateATagRemovesEveryEntryCarryingIt() {
        CacheKey camera = CacheKey.of("vision", "camera-photos");
        CacheKey quote = CacheKey.of("market", "ebay", "gtin-04960999123455");
        CacheKey mug = CacheKey.of("vision", "mug-photos");
        cache.put(camera, QUOTE, Set.of(CacheTags.gtin("04960999123455"), CacheTags.brand("Canon")));
        cache.put(quote, QUOTE, Set.of(CacheTags.gtin("04960999123455")));
        cache.put(mug, QUOTE, Set.of(CacheTags.brand("Le Creuset")));

        assertThat(cache.invalidate(CacheSelection.tag("gtin:04960999123455"))).isEqualTo(2);

        assertThat(cache.get(camera, Quote.class)).isEmpty();
        assertThat(cache.get(quote, Quote.class)).isEmpty();
        assertThat(cache.get(mug, Quote.class)).contains(QUOTE);
    }

    @Test
    void aLoadedValueCarriesTheTagsItsLoaderGives() {
        CacheKey key = CacheKey.of("vision", "tagged");

        cache.getOrLoad(key, Quote.class, () -> QUOTE, value -> Set.of(CacheTags.model("claude-haiku-4-5")));

        assertThat(cache.invalidate(CacheSelection.tag("model:claude-haiku-4-5"))).isEqualTo(1);
        assertThat(cache.get(key, Quote.class)).isEmpty();
    }

    @Test
    void invalidateAPrefixOrAllRemovesWhatStartsSoOrEverything() {
        cache.put(CacheKey.of("market", "ebay", "nikon"), QUOTE);
        cache.put(CacheKey.of("market", "simulated", "nikon"), QUOTE);
        cache.put(CacheKey.of("taxonomy", "ebay-ebay_us", "suggest", "nikon"), QUOTE);

        assertThat(cache.invalidate(CacheSelection.prefix("market:ebay:"))).isEqualTo(1);
        assertThat(cache.get(CacheKey.of("market", "simulated", "nikon"), Quote.class)).contains(QUOTE);
        assertThat(cache.invalidate(CacheSelection.all())).isEqualTo(2);
        assertThat(cache.get(CacheKey.of("taxonomy", "ebay-ebay_us", "suggest", "nikon"), Quote.class)).isEmpty();
    }

    private static boolean awaitAll(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
