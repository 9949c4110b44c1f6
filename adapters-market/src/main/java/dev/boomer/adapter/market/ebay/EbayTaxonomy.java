package dev.boomer.adapter.market.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.boomer.domain.item.Condition;
import dev.boomer.domain.provider.ProviderUnavailable;
import dev.boomer.domain.taxonomy.Aspect;
import dev.boomer.domain.taxonomy.Category;
import dev.boomer.domain.taxonomy.CategoryAspects;
import dev.boomer.domain.taxonomy.ConditionPolicy;
import dev.boomer.domain.taxonomy.Taxonomy;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * eBay's category tree for the configured marketplace (Commerce Taxonomy API): the best leaf category
 * suggestion for an item's title, and the category's item aspects; and the conditions the category offers
 * (Sell Metadata API). Boomer caches all three for days.
 */
@Singleton
@Requires(property = "boomer.market.provider", value = "ebay")
final class EbayTaxonomy implements Taxonomy {

    static final String TREE_ID_PATH = "/commerce/taxonomy/v1/get_default_category_tree_id";
    static final String TREES_PATH = "/commerce/taxonomy/v1/category_tree/";
    static final String METADATA_PATH = "/sell/metadata/v1/marketplace/";
    static final String SELECTION_ONLY = "SELECTION_ONLY";
    static final String RESTRICTED = "RESTRICTED";

    private final EbayClient ebay;
    /** A lock, not a monitor: a virtual thread waiting on the HTTP call must not pin its carrier (JDK 21). */
    private final ReentrantLock treeIdLock = new ReentrantLock();
    private volatile String treeId;

    EbayTaxonomy(EbayClient ebay) {
        this.ebay = ebay;
    }

    @Override
    public String name() {
        return EbayMarketData.NAME + "-" + ebay.config().marketplace().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public Optional<Category> suggest(String words) {
        JsonNode answer = ebay.get(TREES_PATH + treeId() + "/get_category_suggestions?q=" + EbayClient.encode(words),
                "eBay category suggestions");
        JsonNode best = answer.path("categorySuggestions").path(0);
        String id = best.path("category").path("categoryId").asText("");
        String leaf = best.path("category").path("categoryName").asText("");
        if (id.isEmpty() || leaf.isEmpty()) {
            return Optional.empty();
        }
        List<JsonNode> ancestors = new ArrayList<>();
        best.path("categoryTreeNodeAncestors").forEach(ancestors::add);
        // eBay lists the parent first and the root last; the level says which is which
        ancestors.sort(Comparator.comparingInt(node -> node.path("categoryTreeNodeLevel").asInt(0)));
        String path = ancestors.stream().map(node -> node.path("categoryName").asText(""))
                .filter(name -> !name.isEmpty() && !name.equals("Root"))
                .collect(Collectors.joining(Category.PATH_SEPARATOR));
        return Optional.of(new Category(id, path.isEmpty() ? leaf : path + Category.PATH_SEPARATOR + leaf));
    }

    @Override
    public CategoryAspects aspects(String categoryId) {
        JsonNode answer = ebay.get(TREES_PATH + treeId() + "/get_item_aspects_for_category?category_id="
                + EbayClient.encode(categoryId), "eBay item aspects");
        List<Aspect> aspects = new ArrayList<>();
        for (JsonNode node : answer.path("aspects")) {
            String name = node.path("localizedAspectName").asText("");
            if (name.isEmpty()) {
                continue;
            }
            JsonNode constraint = node.path("aspectConstraint");
            List<String> allowed = SELECTION_ONLY.equals(constraint.path("aspectMode").asText(""))
                    ? StreamSupport.stream(node.path("aspectValues").spliterator(), false)
                    .map(value -> value.path("localizedValue").asText("")).filter(v -> !v.isEmpty()).toList()
                    : List.of();
            aspects.add(new Aspect(name, constraint.path("aspectRequired").asBoolean(false), allowed));
        }
        return new CategoryAspects(categoryId, aspects);
    }

    /**
     * The conditions the category offers, from eBay's item condition policy (Sell Metadata API). Conditions
     * only eligible sellers may use ({@code usage: RESTRICTED}, eBay's refurbished programmes) and ids
     * Boomer does not know are left out; a category without a policy is {@link ConditionPolicy#unknown}.
     */
    @Override
    public ConditionPolicy conditions(String categoryId) {
        JsonNode answer = ebay.get(METADATA_PATH + EbayClient.encode(ebay.config().marketplace())
                + "/get_item_condition_policies?filter=" + EbayClient.encode("categoryIds:{" + categoryId + "}"),
                "eBay item condition policy");
        for (JsonNode policy : answer.path("itemConditionPolicies")) {
            if (!categoryId.equals(policy.path("categoryId").asText(""))) {
                continue;
            }
            List<Condition> offered = StreamSupport.stream(policy.path("itemConditions").spliterator(), false)
                    .filter(condition -> !RESTRICTED.equals(condition.path("usage").asText("")))
                    .flatMap(condition -> Condition.ofEbayId(condition.path("conditionId").asText("")).stream())
                    .distinct().toList();
            return new ConditionPolicy(categoryId, offered);
        }
        return ConditionPolicy.unknown(categoryId);
    }

    /**
     * The marketplace's tree id ("0" for EBAY_US): asked once, it does not change; the first callers wait for
     * one answer instead of each asking.
     */
    private String treeId() {
        String known = treeId;
        return known != null ? known : askTreeId();
    }

    private String askTreeId() {
        treeIdLock.lock();
        try {
            return treeId != null ? treeId : fetchTreeId();
        } finally {
            treeIdLock.unlock();
        }
    }

    private String fetchTreeId() {
        JsonNode answer = ebay.get(TREE_ID_PATH + "?marketplace_id=" + EbayClient.encode(ebay.config().marketplace()),
                "eBay category tree id");
        String id = answer.path("categoryTreeId").asText("");
        if (id.isEmpty()) {
            throw new ProviderUnavailable(EbayHttp.PROVIDER, "bad_answer", "eBay's category tree answer has no"
                    + " categoryTreeId", Optional.empty());
        }
        treeId = id;
        return id;
    }
}
