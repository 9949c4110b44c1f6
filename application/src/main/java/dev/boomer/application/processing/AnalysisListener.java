package dev.boomer.application.processing;

import dev.boomer.domain.vision.ItemAnalysis;

/** Told of every analysis the pipeline accepts, with the tier that produced it (for metrics). */
@FunctionalInterface
public interface AnalysisListener {

    AnalysisListener NONE = analysis -> { };

    void accepted(ItemAnalysis analysis);
}
