package dev.boomer.domain.market;

import dev.boomer.domain.vision.VisionAnalysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a marketplace's listings of one GTIN say the product is: the words most of their titles share, and
 * the brand they are listed under when the marketplace says. A barcode read from the photos and found
 * here identifies the item without a stronger (dearer) model.
 *
 * @param title    the words more than half of the listings' titles share, in the order sellers put them
 * @param listings how many listings agree on it
 */
public record ProductMatch(PriceSource source, String gtin, String title, Optional<String> brand, int listings) {

    /** How sure an identity is that a scanned barcode and the marketplace's listings agree on. */
    public static final double CONFIDENCE = 0.95;
    private static final Set<String> FIELDS_IT_NAMES = Set.of("brand", "model", "category", "title");
    /** What sellers put in titles that says nothing of the product. */
    private static final Set<String> NOISE = Set.of("used", "new", "tested", "working", "works", "excellent", "mint",
            "good", "great", "rare", "l@@k", "look", "wow", "free", "shipping", "fast", "nice", "w", "with", "and");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");
    private static final int FEWEST_TITLE_WORDS = 2;

    public ProductMatch {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(title, "title");
        brand = brand == null ? Optional.empty() : brand.filter(b -> !b.isBlank()).map(String::strip);
        if (title.isBlank()) {
            throw new IllegalArgumentException("a product match needs a title");
        }
        if (listings < 1) {
            throw new IllegalArgumentException("a product match rests on at least one listing, not " + listings);
        }
    }

    /** The product the listings' titles agree on; empty when they share too few words to name one. */
    public static Optional<ProductMatch> fromTitles(PriceSource source, String gtin, List<String> titles,
                                                    Optional<String> brand) {
        if (titles.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> titlesSaying = new HashMap<>();
        List<List<String>> worded = new ArrayList<>();
        for (String title : titles) {
            List<String> words = words(title);
            worded.add(words);
            new HashSet<>(words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList())
                    .forEach(w -> titlesSaying.merge(w, 1, Integer::sum));
        }
        Set<String> shared = new LinkedHashSet<>();
        List<String> kept = new ArrayList<>();
        for (List<String> words : worded) {
            for (String word : words) {
                String key = word.toLowerCase(Locale.ROOT);
                if (titlesSaying.get(key) * 2 > titles.size() && shared.add(key)) {
                    kept.add(word);
                }
            }
        }
        return kept.size() < FEWEST_TITLE_WORDS ? Optional.empty()
                : Optional.of(new ProductMatch(source, gtin, String.join(" ", kept), brand, titles.size()));
    }

    /** A title's words without the punctuation around them ("body," is "body"; "AE-1" stays) or noise. */
    private static List<String> words(String title) {
        return Arrays.stream(title.strip().split("\\s+"))
                .map(w -> EDGE_PUNCTUATION.matcher(w).replaceAll(""))
                .filter(w -> !w.isEmpty() && !NOISE.contains(w.toLowerCase(Locale.ROOT)))
                .toList();
    }

    /**
     * The analysis as this match identifies it: the listings' title, their brand when they name one, and
     * the identity fields as sure as {@link #CONFIDENCE} (the model's name for the product only when the
     * title says it); what only the photos show (condition, description, specifics) stays the model's.
     */
    public VisionAnalysis identify(VisionAnalysis seen) {
        String named = brand.orElse(seen.brand());
        boolean titleSaysModel = !seen.model().isBlank()
                && title.toLowerCase(Locale.ROOT).contains(seen.model().strip().toLowerCase(Locale.ROOT));
        Map<String, Double> confidence = new HashMap<>(seen.fieldConfidence());
        for (String field : FIELDS_IT_NAMES) {
            boolean confirmed = switch (field) {
                case "brand" -> brand.isPresent();
                case "model" -> titleSaysModel;
                default -> true;
            };
            if (confirmed && confidence.containsKey(field)) {
                confidence.put(field, Math.max(CONFIDENCE, confidence.get(field)));
            }
        }
        double overall = confidence.isEmpty() ? seen.confidence()
                : confidence.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        return new VisionAnalysis(named, seen.model(), seen.category(), seen.condition(), title, seen.description(),
                seen.searchQuery(), Optional.of(gtin), seen.itemSpecifics(), overall, confidence);
    }

    /** How the item says it was identified: "barcode 4960999123455 found in 12 EBAY listings (brand Canon): '...'". */
    public String describe() {
        return "barcode " + gtin + " found in " + listings + " " + source + (listings == 1 ? " listing" : " listings")
                + brand.map(b -> " (brand " + b + ")").orElse("") + ": '" + title + "'";
    }
}
