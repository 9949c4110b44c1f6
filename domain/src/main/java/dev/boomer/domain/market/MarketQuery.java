package dev.boomer.domain.market;

import dev.boomer.domain.item.Condition;

import dev.boomer.domain.vision.VisionAnalysis;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** What to price: a GTIN when known (most precise), else a text query, in a condition and currency. */
public record MarketQuery(Optional<String> gtin, String query, Condition condition, Currency currency) {

    /**
     * Item specifics that tell one product's price from another's of the same name (a 64 GB console from a
     * 16 GB one, the paperback from the audiobook, the camera from its manual: Type and Style say what kind
     * of thing it is), added to brand and model in a query's words. Sizes and colours are not: they narrow
     * the listings more than they move the price.
     */
    public static final List<String> KEY_SPECIFICS = List.of("Author", "Storage Capacity", "Platform", "Edition",
            "Format", "Film Format", "Type", "Style");
    /** Brands that name no brand. */
    private static final Set<String> NO_BRAND = Set.of("", "unbranded", "unknown", "generic", "n/a", "none",
            "no brand");
    public MarketQuery {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(currency, "currency");
        if (query.isBlank()) {
            throw new IllegalArgumentException("query must not be blank");
        }
    }

    /**
     * The query for what a model saw: its GTIN, and words built from brand, model and the specifics that
     * set a price ({@link #KEY_SPECIFICS}), each word once, so one product asks the same words however the
     * model phrased its title. Without a model name (or with a brand such as "Unbranded" alone) the words
     * are the model's own search words.
     */
    public static MarketQuery forItem(VisionAnalysis analysis, Currency currency) {
        return new MarketQuery(analysis.gtin(), wordsFor(analysis), analysis.condition(), currency);
    }

    static String wordsFor(VisionAnalysis analysis) {
        if (analysis.model().isBlank()) {
            return analysis.searchQuery().strip();
        }
        List<String> parts = new ArrayList<>();
        if (!NO_BRAND.contains(analysis.brand().strip().toLowerCase(Locale.ROOT))) {
            parts.add(analysis.brand());
        }
        parts.add(analysis.model());
        KEY_SPECIFICS.forEach(key -> analysis.itemSpecifics().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(key)).findFirst().ifPresent(e -> parts.add(e.getValue())));
        Set<String> said = new HashSet<>();
        List<String> words = new ArrayList<>();
        for (String part : parts) {
            for (String word : part.strip().split("\\s+")) {
                if (!word.isEmpty() && said.add(word.toLowerCase(Locale.ROOT))) {
                    words.add(word);
                }
            }
        }
        return String.join(" ", words);
    }

    /** The same query without its GTIN: for a source that does not know the GTIN. */
    public MarketQuery byWordsOnly() {
        return new MarketQuery(Optional.empty(), query, condition, currency);
    }

    /** What was searched for, as evidence shows it: the GTIN when there is one, else the query text. */
    public String describe() {
        return gtin.map(g -> "gtin " + g).orElse(query);
    }

    /**
     * The query's words, normalized: compatibility-composed, lower case, letters and digits of any script,
     * runs of other characters as one dash ("Müller" stays "müller"; words of no letter at all are kept as
     * their code points, never an empty key that every such query would share).
     */
    public String wordsKey() {
        String words = Normalizer.normalize(query, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "");
        return words.isEmpty() ? query.strip().codePoints().mapToObj(Integer::toHexString)
                .collect(java.util.stream.Collectors.joining("-")) : words;
    }

    /** The GTIN as 14 digits: a UPC-A read as 12 digits and the same code read as an EAN-13 are one product. */
    public Optional<String> gtinKey() {
        return gtin.map(MarketQuery::asGtin14);
    }

    /** A GTIN of 8, 12 or 13 digits as the 14 digits it stands for (zeros in front). */
    public static String asGtin14(String gtin) {
        String digits = gtin.strip();
        return "0".repeat(Math.max(0, 14 - digits.length())) + digits;
    }

    /** Stable cache identity: the GTIN, or the normalized query text, with the condition. */
    public String identity() {
        String what = gtinKey().map(g -> "gtin-" + g).orElseGet(this::wordsKey);
        return what + ":" + condition.name().toLowerCase(Locale.ROOT) + ":" + currency.getCurrencyCode();
    }
}
