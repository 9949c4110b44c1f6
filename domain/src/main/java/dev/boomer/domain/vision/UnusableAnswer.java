package dev.boomer.domain.vision;

import java.util.Objects;

/**
 * The model answered, but not with something we may draft from: refused, cut off, empty, or not matching
 * the schema (after the one repair attempt invalid JSON gets). Never stored as a draft, never cached.
 */
public record UnusableAnswer(OutputProblem problem, String detail, ModelCall call) implements VisionResult {
    public UnusableAnswer {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(call, "call");
    }
}
