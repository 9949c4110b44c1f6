package dev.boomer.adapter.market.simulated;

import dev.boomer.domain.item.Condition;
import dev.boomer.domain.taxonomy.Aspect;
import dev.boomer.domain.taxonomy.Category;
import dev.boomer.domain.taxonomy.CategoryAspects;
import dev.boomer.domain.taxonomy.ConditionPolicy;
import dev.boomer.domain.taxonomy.Taxonomy;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A few of eBay US's real leaf categories (tree 0: ids and paths as eBay has them), chosen by the words of
 * a title, with the aspects a listing in them must fill and the conditions it may say. The required aspects
 * and conditions are this simulation's, close to eBay's listing form; with the eBay provider they come from
 * eBay's Taxonomy and Metadata APIs. Words it has no category for get none, as from eBay.
 */
@Singleton
@Requires(property = "boomer.market.provider", value = "simulated", defaultValue = "simulated")
final class SimulatedTaxonomy implements Taxonomy {

    static final String NAME = "simulated";

    /** The conditions eBay US offers in these kinds of category, restricted refurbished grades left out. */
    private static final List<Condition> CLOTHING = List.of(Condition.NEW, Condition.NEW_OTHER,
            Condition.NEW_WITH_DEFECTS, Condition.USED_EXCELLENT);
    private static final List<Condition> ELECTRONICS = List.of(Condition.NEW, Condition.NEW_OTHER,
            Condition.SELLER_REFURBISHED, Condition.USED_EXCELLENT, Condition.FOR_PARTS_OR_NOT_WORKING);
    private static final List<Condition> BOOKS = List.of(Condition.NEW, Condition.LIKE_NEW, Condition.USED_VERY_GOOD,
            Condition.USED_GOOD, Condition.USED_ACCEPTABLE);
    private static final List<Condition> HOME = List.of(Condition.NEW, Condition.NEW_OTHER, Condition.USED_EXCELLENT);
    private static final List<Condition> WATCHES = List.of(Condition.NEW, Condition.NEW_OTHER,
            Condition.NEW_WITH_DEFECTS, Condition.SELLER_REFURBISHED, Condition.USED_EXCELLENT,
            Condition.FOR_PARTS_OR_NOT_WORKING);
    private static final List<String> DEPARTMENTS = List.of("Men", "Women", "Unisex Adult", "Boys", "Girls",
            "Unisex Kids");
    /** Most specific first: "camera bag" is a bag, "watch box" is not a watch. */
    private static final List<Leaf> LEAVES = List.of(
            new Leaf("169291", "Clothing, Shoes & Accessories > Women > Women's Bags & Handbags",
                    Set.of("tote", "handbag", "bag"), CLOTHING, List.of(Aspect.freeText("Brand", true),
                    new Aspect("Department", true, DEPARTMENTS), Aspect.freeText("Style", true),
                    Aspect.freeText("Exterior Color", false), Aspect.freeText("Exterior Material", false))),
            new Leaf("15230", "Cameras & Photo > Film Photography > Film Cameras", Set.of("camera", "slr"),
                    ELECTRONICS, List.of(Aspect.freeText("Brand", true), Aspect.freeText("Type", true),
                    Aspect.freeText("Model", false), Aspect.freeText("Film Format", false))),
            new Leaf("15709", "Clothing, Shoes & Accessories > Men > Men's Shoes > Athletic Shoes",
                    Set.of("sneaker", "sneakers", "trainers", "shoes"), CLOTHING,
                    List.of(Aspect.freeText("Brand", true), Aspect.freeText("US Shoe Size", true),
                            new Aspect("Department", true, DEPARTMENTS), Aspect.freeText("Model", false),
                            Aspect.freeText("Color", false), Aspect.freeText("Style", false))),
            new Leaf("261186", "Books & Magazines > Books", Set.of("book", "paperback", "hardcover"), BOOKS,
                    List.of(Aspect.freeText("Book Title", true), Aspect.freeText("Author", true),
                            Aspect.freeText("Language", true), Aspect.freeText("Format", false),
                            Aspect.freeText("Publisher", false))),
            new Leaf("20695", "Home & Garden > Kitchen, Dining & Bar > Dinnerware & Serveware > Mugs",
                    Set.of("mug", "mugs"), HOME, List.of(Aspect.freeText("Brand", true),
                    Aspect.freeText("Material", false), Aspect.freeText("Color", false),
                    Aspect.freeText("Capacity", false), Aspect.freeText("Type", false))),
            new Leaf("139971", "Video Games & Consoles > Video Game Consoles", Set.of("console", "consoles"),
                    ELECTRONICS, List.of(Aspect.freeText("Brand", true), Aspect.freeText("Model", true),
                    Aspect.freeText("Platform", true), Aspect.freeText("Type", false),
                    Aspect.freeText("Color", false), Aspect.freeText("Region Code", false))),
            new Leaf("31387", "Jewelry & Watches > Watches, Parts & Accessories > Watches > Wristwatches",
                    Set.of("watch", "wristwatch"), WATCHES, List.of(Aspect.freeText("Brand", true),
                    new Aspect("Department", true, DEPARTMENTS), Aspect.freeText("Type", true),
                    Aspect.freeText("Model", false), Aspect.freeText("Movement", false),
                    Aspect.freeText("Case Size", false), Aspect.freeText("Band Material", false),
                    Aspect.freeText("Dial Color", false))),
            new Leaf("101415", "Home & Garden > Home Décor > Vases", Set.of("vase", "vases"), HOME, homeDecor()),
            new Leaf("79654", "Home & Garden > Home Décor > Frames", Set.of("frame", "frames"), HOME,
                    List.of(Aspect.freeText("Brand", true), Aspect.freeText("Material", false),
                            Aspect.freeText("Picture Size", false), Aspect.freeText("Color", false))),
            new Leaf("16102", "Home & Garden > Candles & Home Fragrance > Candle Holders & Accessories",
                    Set.of("candle", "tealight", "candleholder"), HOME, homeDecor()),
            new Leaf("112581", "Home & Garden > Lamps, Lighting & Ceiling Fans > Lamps", Set.of("lamp", "lamps"),
                    ELECTRONICS, List.of(Aspect.freeText("Brand", true), Aspect.freeText("Type", false),
                    Aspect.freeText("Color", false), Aspect.freeText("Material", false))),
            new Leaf("125072", "Home & Garden > Home Décor > Baskets", Set.of("basket", "baskets"), HOME, homeDecor()));

    private static final Pattern NOT_A_WORD_CHARACTER = Pattern.compile("[^\\p{L}\\p{N}]+");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Category> suggest(String words) {
        Set<String> said = Arrays.stream(NOT_A_WORD_CHARACTER.split(words.toLowerCase(Locale.ROOT)))
                .collect(Collectors.toSet());
        return LEAVES.stream().filter(leaf -> leaf.words().stream().anyMatch(said::contains)).findFirst()
                .map(Leaf::category);
    }

    @Override
    public CategoryAspects aspects(String categoryId) {
        return LEAVES.stream().filter(leaf -> leaf.category().id().equals(categoryId)).findFirst()
                .map(leaf -> new CategoryAspects(categoryId, leaf.aspects()))
                .orElseGet(() -> CategoryAspects.none(categoryId));
    }

    @Override
    public ConditionPolicy conditions(String categoryId) {
        return LEAVES.stream().filter(leaf -> leaf.category().id().equals(categoryId)).findFirst()
                .map(leaf -> new ConditionPolicy(categoryId, leaf.conditions()))
                .orElseGet(() -> ConditionPolicy.unknown(categoryId));
    }

    private static List<Aspect> homeDecor() {
        return List.of(Aspect.freeText("Brand", true), Aspect.freeText("Material", false),
                Aspect.freeText("Color", false), Aspect.freeText("Type", false));
    }

    private record Leaf(String id, String path, Set<String> words, List<Condition> conditions, List<Aspect> aspects) {
        Category category() {
            return new Category(id, path);
        }
    }
}
