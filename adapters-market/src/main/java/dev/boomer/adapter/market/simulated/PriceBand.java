package dev.boomer.adapter.market.simulated;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Typical price range of a kind of item when new, chosen by words of the query. The same numbers serve
 * every currency: the simulation needs plausible prices, not exchange rates.
 */
record PriceBand(String category, BigDecimal low, BigDecimal high) {

    static final PriceBand DEFAULT = band("other", "15", "80");

    private static final List<Rule> RULES = List.of(
            new Rule(Set.of("camera", "cameras", "slr", "rangefinder"), band("camera", "150", "400")),
            new Rule(Set.of("watch", "watches", "wristwatch"), band("watch", "80", "250")),
            new Rule(Set.of("console", "consoles"), band("console", "50", "140")),
            new Rule(Set.of("sneaker", "sneakers", "shoe", "shoes"), band("shoes", "40", "120")),
            new Rule(Set.of("lamp", "lamps"), band("lamp", "15", "50")),
            new Rule(Set.of("vase", "vases"), band("vase", "12", "40")),
            new Rule(Set.of("mug", "mugs"), band("mug", "10", "35")),
            new Rule(Set.of("basket", "baskets"), band("basket", "10", "35")),
            new Rule(Set.of("book", "books", "paperback", "hardcover"), band("book", "8", "25")),
            new Rule(Set.of("frame", "frames"), band("frame", "8", "25")),
            new Rule(Set.of("candle", "tealight"), band("candle holder", "8", "25")),
            new Rule(Set.of("tote", "bag"), band("bag", "8", "25")));

    private static final Pattern NOT_A_WORD_CHARACTER = Pattern.compile("[^a-z0-9]+");

    static PriceBand forQuery(String query) {
        Set<String> words = Arrays.stream(NOT_A_WORD_CHARACTER.split(query.toLowerCase(Locale.ROOT)))
                .collect(Collectors.toSet());
        // Rules are ordered dearest first, so a cheap word ("camera with book and strap") does not price an
        // expensive item down.
        return RULES.stream().filter(rule -> words.stream().anyMatch(rule.words::contains))
                .map(Rule::band).findFirst().orElse(DEFAULT);
    }

    private static PriceBand band(String category, String low, String high) {
        return new PriceBand(category, new BigDecimal(low), new BigDecimal(high));
    }

    private record Rule(Set<String> words, PriceBand band) {
    }
}
