package dev.boomer.wiring;

import dev.boomer.domain.market.HistorySource;
import dev.boomer.domain.market.MarketData;
import dev.boomer.domain.market.PriceEstimator;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The market sources in the order the market stage asks them: {@code boomer.market.sources}, by default the
 * configured provider's source, then Boomer's price history, then (where the vision provider gives one) the
 * AI estimate, which can only come last. A name no source has stops the start.
 */
@Context
public final class MarketSources {

    /** The name of the AI estimate in {@code boomer.market.sources}: not a market, the last resort. */
    public static final String ESTIMATE = "estimate";

    private final List<MarketData> inOrder;
    private final Optional<PriceEstimator> estimator;

    MarketSources(List<MarketData> sources, @Nullable PriceEstimator estimator,
                  @Value("${boomer.market.provider:simulated}") String provider,
                  @Value("${boomer.market.sources:}") List<String> configured) {
        List<String> names = names(provider, configured, estimator != null);
        this.inOrder = order(sources, names);
        this.estimator = names.contains(ESTIMATE) ? Optional.ofNullable(estimator) : Optional.empty();
        if (names.contains(ESTIMATE) && estimator == null) {
            throw new IllegalStateException("boomer.market.sources names '" + ESTIMATE + "', but the vision provider"
                    + " gives no price estimates");
        }
    }

    /** The configured names, or the default order; the estimate, if named, only last. */
    static List<String> names(String provider, List<String> configured, boolean canEstimate) {
        List<String> names = configured.stream().map(name -> name.strip().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty()).distinct().toList();
        if (names.isEmpty()) {
            List<String> defaults = new ArrayList<>(List.of(provider.strip().toLowerCase(Locale.ROOT), HistorySource.NAME));
            if (canEstimate) {
                defaults.add(ESTIMATE);
            }
            return List.copyOf(defaults);
        }
        if (names.contains(ESTIMATE) && !names.getLast().equals(ESTIMATE)) {
            throw new IllegalStateException("boomer.market.sources names '" + ESTIMATE + "' before " + names.getLast()
                    + ": the AI estimate is the last resort, after every market source");
        }
        return names;
    }

    static List<MarketData> order(List<MarketData> sources, List<String> names) {
        Map<String, MarketData> byName = sources.stream()
                .collect(Collectors.toMap(MarketData::name, Function.identity(), (a, b) -> a));
        List<MarketData> ordered = new ArrayList<>();
        for (String name : names) {
            if (name.equals(ESTIMATE)) {
                continue;
            }
            MarketData source = Optional.ofNullable(byName.get(name)).orElseThrow(() -> new IllegalStateException(
                    "boomer.market.sources names '" + name + "', but the market sources here are "
                            + byName.keySet().stream().sorted().toList() + " and '" + ESTIMATE + "'"
                            + " (a provider's source is there when boomer.market.provider names it)"));
            ordered.add(source);
        }
        return List.copyOf(ordered);
    }

    public List<MarketData> inOrder() {
        return inOrder;
    }

    /** The AI estimate, when it is one of the sources. */
    public Optional<PriceEstimator> estimator() {
        return estimator;
    }

    /** Every source's name in order, the estimate included, as the Adapters page shows them. */
    public List<String> names() {
        List<String> names = new ArrayList<>(inOrder.stream().map(MarketData::name).toList());
        estimator.ifPresent(e -> names.add(ESTIMATE + " (" + e.model() + ")"));
        return names;
    }
}
