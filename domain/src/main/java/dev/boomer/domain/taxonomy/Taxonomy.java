package dev.boomer.domain.taxonomy;

import java.util.Optional;

/**
 * A marketplace's category tree (eBay's Taxonomy API, or a simulated one): the leaf category that fits an
 * item's words, and what a listing in it must say
 * and which conditions it may say.
 */
public interface Taxonomy {

    /** Which tree this is ("ebay", "simulated"): cached answers of one are never read for another. */
    String name();

    /** The best-fitting leaf category for these words; empty when the tree has none. */
    Optional<Category> suggest(String words);

    /** The category's item aspects (item specifics): which are required, which take only listed values. */
    CategoryAspects aspects(String categoryId);

    /** The item conditions a listing in the category may say; {@link ConditionPolicy#unknown} when not known. */
    ConditionPolicy conditions(String categoryId);
}
