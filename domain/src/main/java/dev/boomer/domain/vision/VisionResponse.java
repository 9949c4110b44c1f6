package dev.boomer.domain.vision;

import java.util.Objects;

public record VisionResponse(VisionAnalysis analysis, ModelCall call) {
    public VisionResponse {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(call, "call");
    }
}
