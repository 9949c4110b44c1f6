package dev.boomer.adapter.persistence.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boomer.domain.fixtures.MutableClock;
import dev.boomer.adapter.persistence.TestDatabase;
import dev.boomer.adapter.persistence.json.JsonCodec;
import dev.boomer.domain.cache.Cache;
import dev.boomer.domain.cache.CacheKey;
import dev.boomer.domain.cache.CacheSelection;
import dev.boomer.domain.cache.CacheStatistics;
import dev.boomer.domain.cache.CacheTags;
import dev.boomer.domain.contract.CacheContract;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The contract with a fresh in-process layer per test over the shared PostgreSQL table. */
class TieredCacheTest extends CacheContract {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final CacheConfig config = CacheConfig.defaults();

    @Override
    protected Cache createCache() {
        TestDatabase.truncateAll();
        return newCache();
    }

    /** Another JVM's view: its own empty L1, the same L3. */
    private TieredCache newCache() {
        return new TieredCache(List.of(new InProcessCacheLayer(config, clock), table()),
                new PostgresLoadLeases(sql()), new InvalidationFeed(sql()), config,
                TestDatabase.context().getBean(JsonCodec.class), clock);
    }

    private static dev.boomer.adapter.persistence.jdbc.SqlExecutor sql() {
        return TestDatabase.context().getBean(dev.boomer.adapter.persistence.jdbc.SqlExecutor.class);
    }

    private PostgresCacheLayer table() {
        return new PostgresCacheLayer(TestDatabase.context().getBean(dev.boomer.adapter.persistence.jdbc.SqlExecutor.class),
                clock, config);
    }

    @Test
    void twoInstancesLoadAKeyOnceTheSecondWaitsForTheFirstsValue() throws Exception {
        TieredCache one = (TieredCache) createCache();
        TieredCache other = newCache();
        CacheKey key = CacheKey.of("vision", "same-photos", "p2", "fast");
        CountDownLatch loading = new CountDownLatch(1);
        AtomicInteger otherLoads = new AtomicInteger();
        AtomicReference<Thread> otherCaller = new AtomicReference<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<String> first = pool.submit(() -> one.getOrLoad(key, String.class, () -> {
                loading.countDown();
                awaitPolling(otherCaller); // a paid call in flight while the other instance waits for it
                return "canon ae-1";
            }));
            assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
            Future<String> second = pool.submit(() -> {
                otherCaller.set(Thread.currentThread());
                return other.getOrLoad(key, String.class, () -> {
                    otherLoads.incrementAndGet();
                    return "paid twice";
                });
            });

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("canon ae-1");
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("canon ae-1");
        }
        assertThat(otherLoads).as("the other instance waited instead of paying").hasValue(0);
    }

    @Test
    void whenTheOtherInstancesLoadFailsTheWaiterLoadsForItself() throws Exception {
        TieredCache one = (TieredCache) createCache();
        TieredCache other = newCache();
        CacheKey key = CacheKey.of("vision", "parked-photos", "p2", "fast");
        CountDownLatch loading = new CountDownLatch(1);
        AtomicReference<Thread> otherCaller = new AtomicReference<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<String> first = pool.submit(() -> one.getOrLoad(key, String.class, () -> {
                loading.countDown();
                awaitPolling(otherCaller);
                throw new IllegalStateException("over budget");
            }));
            assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
            Future<String> second = pool.submit(() -> {
                otherCaller.set(Thread.currentThread());
                return other.getOrLoad(key, String.class, () -> "its own answer");
            });

            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("its own answer");
            assertThatThrownBy(first::get).hasCauseInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aLeaseOfAnInstanceThatDiedExpiresAndTheKeyIsLoadedAgain() {
        TieredCache cache = (TieredCache) createCache();
        PostgresLoadLeases leases = new PostgresLoadLeases(TestDatabase.context()
                .getBean(dev.boomer.adapter.persistence.jdbc.SqlExecutor.class));
        CacheKey key = CacheKey.of("market", "abandoned");
        assertThat(leases.tryAcquire(key.value(), "died-mid-load", clock.instant(), config.loadLease())).isTrue();
        assertThat(leases.tryAcquire(key.value(), "another", clock.instant(), config.loadLease())).isFalse();

        clock.advance(config.loadLease().plusSeconds(1));

        assertThat(cache.getOrLoad(key, String.class, () -> "loaded again")).isEqualTo("loaded again");
    }

    /** Until the other instance's caller is between its polls for the value (asleep, not loading). */
    private static void awaitPolling(AtomicReference<Thread> caller) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> caller.get() != null
                && caller.get().getState() == Thread.State.TIMED_WAITING);
    }

    @Test
    void aValueOutlivesTheInProcessLayerInPostgres() {
        createCache().put(CacheKey.of("market", "nikon-f3"), "245.00");

        assertThat(newCache().get(CacheKey.of("market", "nikon-f3"), String.class)).contains("245.00");
    }

    @Test
    void eachNamespaceKeepsValuesForItsOwnTimeToLive() {
        Cache cache = createCache();
        cache.put(CacheKey.of("vision", "a"), "seen");
        cache.put(CacheKey.of("market", "a"), "priced");
        cache.put(CacheKey.of("barcode", "a"), "decoded");

        clock.advance(Duration.ofMinutes(61));
        assertThat(newCache().get(CacheKey.of("barcode", "a"), String.class)).isEmpty();
        assertThat(newCache().get(CacheKey.of("market", "a"), String.class)).contains("priced");

        clock.advance(Duration.ofHours(23));
        assertThat(cache.get(CacheKey.of("market", "a"), String.class)).as("stale, within its grace").contains("priced");
        clock.advance(Duration.ofHours(12));
        assertThat(cache.get(CacheKey.of("market", "a"), String.class)).isEmpty();
        assertThat(cache.get(CacheKey.of("vision", "a"), String.class)).contains("seen");

        clock.advance(Duration.ofDays(7));
        assertThat(cache.get(CacheKey.of("vision", "a"), String.class)).isEmpty();
    }

    @Test
    void configuredTimesToLiveOverrideTheDefaults() {
        try (var context = io.micronaut.context.ApplicationContext.run(java.util.Map.of(
                "boomer.cache.ttl.market", "2h", "boomer.cache.ttl.barcode", "30d", "boomer.cache.default-ttl", "5m"))) {
            CacheConfig configured = context.getBean(CacheConfig.class);

            assertThat(configured.ttlFor("market")).isEqualTo(Duration.ofHours(2));
            assertThat(configured.ttlFor("barcode")).isEqualTo(Duration.ofDays(30));
            assertThat(configured.ttlFor("vision")).isEqualTo(Duration.ofDays(7));
            assertThat(configured.ttlFor("anything")).isEqualTo(Duration.ofMinutes(5));
        }
    }

    @Test
    void withoutConfigurationVisionKeepsAWeekMarketADayAndTheRestAnHour() {
        assertThat(config.ttlFor("vision")).isEqualTo(Duration.ofDays(7));
        assertThat(config.ttlFor("market")).isEqualTo(Duration.ofHours(24));
        assertThat(config.ttlFor("barcode")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void expiredRowsAreIgnoredAndCanBePurged() {
        Cache cache = createCache();
        cache.put(CacheKey.of("barcode", "old"), "decoded");
        clock.advance(Duration.ofHours(2));

        assertThat(newCache().get(CacheKey.of("barcode", "old"), String.class)).isEmpty();
        assertThat(table().purgeExpired(clock.instant())).isEqualTo(1);
    }

    @Test
    void writesDeleteExpiredRowsOncePerPurgeInterval() throws Exception {
        Cache cache = createCache();
        cache.put(CacheKey.of("barcode", "old"), "decoded");
        clock.advance(Duration.ofHours(2));

        cache.put(CacheKey.of("barcode", "new"), "decoded");

        try (var connection = TestDatabase.connect(TestDatabase.database());
             var rows = connection.createStatement().executeQuery("SELECT key FROM cache_entries")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("barcode:new");
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void invalidationReachesPostgresToo() {
        Cache cache = createCache();
        cache.put(CacheKey.of("market", "a"), "priced");
        cache.put(CacheKey.of("vision", "b"), "seen");

        cache.invalidate(CacheKey.of("market", "a"));
        cache.invalidate(CacheSelection.namespace("vision"));

        assertThat(newCache().get(CacheKey.of("market", "a"), String.class)).isEmpty();
        assertThat(newCache().get(CacheKey.of("vision", "b"), String.class)).isEmpty();
    }

    @Test
    void anInvalidationOnOneInstanceClearsTheOthersInProcessLayerAtItsNextPoll() {
        TieredCache one = (TieredCache) createCache();
        TieredCache other = newCache();
        CacheKey key = CacheKey.of("vision", "wrong-answer");
        one.put(key, "a mug", Set.of(CacheTags.brand("Nikon")));
        assertThat(other.get(key, String.class)).as("now in the other's L1 too").contains("a mug");
        // the shared row is gone: only the other's L1 still holds the value
        one.invalidate(CacheSelection.tag("brand:nikon"));
        assertThat(other.get(key, String.class)).as("before its poll, from its own L1").contains("a mug");

        other.applyOtherInstancesInvalidations();

        assertThat(other.get(key, String.class)).isEmpty();
    }

    @Test
    void entriesAreFoundByKeyPrefixWithTheLayersThatHoldThem() {
        TieredCache cache = (TieredCache) createCache();
        cache.put(CacheKey.of("market", "ebay", "gtin-04960999123455", "used"), "1", Set.of("gtin:04960999123455"));
        cache.put(CacheKey.of("market", "ebay", "nikon-f3", "used"), "2");
        cache.put(CacheKey.of("vision", "photos"), "3");
        TieredCache other = newCache(); // its L1 is empty

        List<CacheStatistics.Entry> found = other.find("market:ebay:", 10);

        assertThat(found).extracting(CacheStatistics.Entry::key).containsExactly(
                "market:ebay:gtin-04960999123455:used", "market:ebay:nikon-f3:used");
        assertThat(found.getFirst().tags()).containsExactly("gtin:04960999123455");
        assertThat(found.getFirst().layers()).containsExactly("postgres");
        assertThat(cache.find("market:ebay:nikon", 10)).singleElement()
                .satisfies(entry -> assertThat(entry.layers()).containsExactly("l1", "postgres"));
    }

    @Test
    void aSharedLayerInFrontThatIsDownIsSkippedNotFailed() {
        createCache();
        CacheLayer down = new CacheLayer() {
            @Override
            public Optional<CachedValue> get(String key, Instant now) {
                throw new IllegalStateException("connection refused");
            }

            @Override
            public void put(String key, CachedValue value) {
                throw new IllegalStateException("connection refused");
            }

            @Override
            public long remove(CacheSelection selection) {
                return 0;
            }

            @Override
            public boolean shared() {
                return true;
            }

            @Override
            public String name() {
                return "redis";
            }

            @Override
            public Map<String, LayerUsage> usage(Instant now) {
                return Map.of();
            }

            @Override
            public java.util.SortedMap<String, CachedValue> find(String keyPrefix, Instant now, int limit) {
                return new java.util.TreeMap<>();
            }
        };
        TieredCache cache = new TieredCache(List.of(new InProcessCacheLayer(config, clock), down, table()),
                new PostgresLoadLeases(sql()), new InvalidationFeed(sql()), config,
                TestDatabase.context().getBean(JsonCodec.class), clock);

        cache.put(CacheKey.of("market", "while-redis-is-down"), "kept in postgres");

        assertThat(newCache().get(CacheKey.of("market", "while-redis-is-down"), String.class))
                .contains("kept in postgres");
        assertThat(cache.getOrLoad(CacheKey.of("market", "loaded"), String.class, () -> "loaded")).isEqualTo("loaded");
    }

    @Test
    void aMarketQuotePastItsDayIsServedStaleAndRefreshedOnceInTheBackground() throws Exception {
        Cache cache = createCache();
        CacheKey key = CacheKey.of("market", "ebay", "nikon-f3");
        cache.put(key, "226.00");
        clock.advance(Duration.ofHours(25)); // past 24 h, within the 12 h grace
        CountDownLatch refreshing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger loads = new AtomicInteger();
        java.util.function.Supplier<String> refresh = () -> {
            loads.incrementAndGet();
            refreshing.countDown();
            await(release);
            return "231.50";
        };

        assertThat(cache.getOrLoad(key, String.class, refresh)).as("served at once, stale").isEqualTo("226.00");
        assertThat(refreshing.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(cache.getOrLoad(key, String.class, refresh)).as("while it refreshes").isEqualTo("226.00");
        release.countDown();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> cache.get(key, String.class).orElseThrow().equals("231.50"));
        assertThat(loads).as("one refresh at a time").hasValue(1);
    }

    @Test
    void aStaleQuoteWhoseRefreshFailsIsKeptAndPastItsGraceIsGone() {
        Cache cache = createCache();
        CacheKey key = CacheKey.of("market", "ebay", "canon-ae-1");
        cache.put(key, "177.48");
        clock.advance(Duration.ofHours(30));

        AtomicInteger refreshes = new AtomicInteger();
        java.util.function.Supplier<String> down = () -> {
            refreshes.incrementAndGet();
            throw new IllegalStateException("eBay is down");
        };

        assertThat(cache.getOrLoad(key, String.class, down)).isEqualTo("177.48");
        // once the failed refresh is over, the next read starts another: the stale quote was kept meanwhile
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            assertThat(cache.getOrLoad(key, String.class, down)).isEqualTo("177.48");
            return refreshes.get() >= 2;
        });

        clock.advance(Duration.ofHours(7)); // 37 h: past the grace
        assertThat(cache.get(key, String.class)).isEmpty();
    }

    @Test
    void aVisionAnswerHasNoGrace() {
        Cache cache = createCache();
        CacheKey key = CacheKey.of("vision", "photos");
        cache.put(key, "a camera");
        clock.advance(Duration.ofDays(7).plusMinutes(1));

        assertThat(cache.getOrLoad(key, String.class, () -> "asked again")).isEqualTo("asked again");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void eachReadCountsOnceAsAHitOrAMissPerLayerAskedAndALoadsOwnChecksDoNot() {
        TieredCache cache = (TieredCache) createCache();
        CacheKey key = CacheKey.of("vision", "counted");

        cache.getOrLoad(key, String.class, () -> "loaded"); // a miss in both layers, then the load
        cache.get(key, String.class); // an L1 hit
        newCache().get(key, String.class); // another instance: not this one's figures

        assertThat(cache.stats()).filteredOn(stats -> stats.namespace().equals("vision"))
                .extracting(CacheStatistics.LayerStats::layer, CacheStatistics.LayerStats::hits,
                        CacheStatistics.LayerStats::misses)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("l1", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("postgres", 0L, 1L));
        assertThat(cache.hits("vision")).isEqualTo(1);
    }

    @Test
    void theRemovedCountIsOfLiveSharedEntries() {
        Cache cache = createCache();
        cache.put(CacheKey.of("market", "ebay", "a"), "1");
        cache.put(CacheKey.of("market", "ebay", "b"), "2");
        cache.put(CacheKey.of("market", "simulated", "a"), "3");

        assertThat(cache.invalidate(CacheSelection.prefix("market:ebay:"))).isEqualTo(2);
        assertThat(cache.invalidate(CacheSelection.prefix("market:ebay:"))).isZero();
    }

    @Test
    void aValueOfAnotherTypeIsAMiss() {
        Cache cache = createCache();
        cache.put(CacheKey.of("market", "a"), "priced");

        assertThat(cache.get(CacheKey.of("market", "a"), Integer.class)).isEmpty();
    }

    @Test
    void theApplicationsCacheAsksTheInProcessLayerBeforePostgres() {
        Cache cache = TestDatabase.context().getBean(Cache.class);

        assertThat(cache).isInstanceOf(TieredCache.class);
        assertThat(((TieredCache) cache).layers()).extracting(Object::getClass)
                .containsExactly(InProcessCacheLayer.class, PostgresCacheLayer.class);
    }
}
