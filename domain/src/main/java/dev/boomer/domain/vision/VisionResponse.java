package dev.boomer.domain.vision;

import java.util.Objects;

/** A validated analysis and the call that produced it; the only kind of answer that may be cached. */
public record VisionResponse(VisionAnalysis analysis, ModelCall call) implements VisionResult {
    public VisionResponse {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(call, "call");
    }
}
