package dev.boomer.domain.vision;

import dev.boomer.domain.item.ItemId;

import java.util.Map;
import java.util.Optional;

public interface AnalysisRepository {

    /** Saving again replaces the item's analysis. */
    void save(ItemAnalysis analysis);

    Optional<ItemAnalysis> findByItem(ItemId item);

    /**
     * What the analyses answered from the cache would have used, summed per model that first answered
     * them: what the cache saved, once priced.
     */
    Map<String, Usage> usageServedFromCache();
}
