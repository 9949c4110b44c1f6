package dev.boomer.domain.vision;

import dev.boomer.domain.item.ItemId;

import java.util.Optional;

public interface AnalysisRepository {

    /** Saving again replaces the item's analysis. */
    void save(ItemAnalysis analysis);

    Optional<ItemAnalysis> findByItem(ItemId item);
}
