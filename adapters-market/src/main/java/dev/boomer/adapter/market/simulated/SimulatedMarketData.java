package dev.boomer.adapter.market.simulated;

import dev.boomer.domain.market.ComparableSale;
import dev.boomer.domain.market.MarketData;
import dev.boomer.domain.market.MarketQuery;
import dev.boomer.domain.market.MarketQuote;
import dev.boomer.domain.market.PriceKind;
import dev.boomer.domain.market.PriceSource;
import dev.boomer.domain.market.ProductMatch;
import dev.boomer.domain.market.Screening;
import dev.boomer.domain.provider.ProviderUnavailable;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Market prices without a network: deterministic comparable sales from the query (see
 * {@link SimulatedComps}), with configurable latency and failures. A query naming "unobtainium" has
 * no sales, so the no-price path can be exercised end to end.
 */
@Singleton
@Requires(property = "boomer.market.provider", value = "simulated", defaultValue = "simulated")
final class SimulatedMarketData implements MarketData {

    static final String NAME = "simulated";

    private static final Pattern NOTHING_TO_FIND = Pattern.compile("\\bunobtainium\\b", Pattern.CASE_INSENSITIVE);

    private final SimulatedMarketConfig config;
    private final Clock clock;
    private final AtomicLong calls = new AtomicLong();

    SimulatedMarketData(SimulatedMarketConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<MarketQuote> quote(MarketQuery query) {
        Objects.requireNonNull(query, "query");
        pause();
        if (injectedFailure(calls.getAndIncrement())) {
            throw new ProviderUnavailable(NAME, "simulated_outage", "simulated market outage", Optional.empty());
        }
        if (NOTHING_TO_FIND.matcher(query.query()).find()) {
            return Optional.empty();
        }
        List<ComparableSale> comps = SimulatedComps.generate(query, config.seed());
        MarketQuote quote = MarketQuote.fromComps(PriceSource.SIMULATED, PriceKind.SIMULATED, query.describe(), comps,
                Screening.none(comps.size()), clock.instant());
        return Optional.of(quote.identifying(query.gtin().flatMap(gtin -> ProductMatch.fromTitles(
                PriceSource.SIMULATED, gtin, comps.stream().map(ComparableSale::title).toList(), Optional.empty()))));
    }

    private void pause() {
        if (config.latency().isZero()) {
            return;
        }
        try {
            Thread.sleep(config.latency());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable(NAME, "interrupted", "interrupted while simulating latency", Optional.empty());
        }
    }

    /** The n-th call fails by a fixed coin (SplitMix64 of seed and n): the same seed, the same outages. */
    private boolean injectedFailure(long call) {
        if (config.failureRate() == 0) {
            return false;
        }
        long z = config.seed() + (call + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        double coin = (z >>> 11) * 0x1.0p-53;
        return coin < config.failureRate();
    }
}
