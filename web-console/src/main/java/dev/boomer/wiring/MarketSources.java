package dev.boomer.wiring;

import dev.boomer.domain.market.HistorySource;
import dev.boomer.domain.market.MarketData;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The market sources in the order the market stage asks them: {@code boomer.market.sources}, by default the
 * configured provider's source and then Boomer's price history. A name no source has stops the start.
 */
@Context
public final class MarketSources {

    private final List<MarketData> inOrder;

    MarketSources(List<MarketData> sources, @Value("${boomer.market.provider:simulated}") String provider,
                  @Value("${boomer.market.sources:}") List<String> configured) {
        this.inOrder = order(sources, provider, configured);
    }

    static List<MarketData> order(List<MarketData> sources, String provider, List<String> configured) {
        Map<String, MarketData> byName = sources.stream()
                .collect(Collectors.toMap(MarketData::name, Function.identity(), (a, b) -> a));
        List<String> names = configured.stream().map(name -> name.strip().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty()).toList();
        if (names.isEmpty()) {
            names = List.of(provider.strip().toLowerCase(Locale.ROOT), HistorySource.NAME);
        }
        List<MarketData> ordered = new ArrayList<>();
        for (String name : names) {
            MarketData source = Optional.ofNullable(byName.get(name)).orElseThrow(() -> new IllegalStateException(
                    "boomer.market.sources names '" + name + "', but the market sources here are "
                            + byName.keySet().stream().sorted().toList()
                            + " (a provider's source is there when boomer.market.provider names it)"));
            if (!ordered.contains(source)) {
                ordered.add(source);
            }
        }
        return List.copyOf(ordered);
    }

    public List<MarketData> inOrder() {
        return inOrder;
    }
}
