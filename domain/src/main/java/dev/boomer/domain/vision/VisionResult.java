package dev.boomer.domain.vision;

/**
 * What one vision call came back with: a validated analysis, or an answer that cannot be used. Both were
 * paid for, so both carry the call and its usage.
 */
public sealed interface VisionResult permits VisionResponse, UnusableAnswer {

    ModelCall call();
}
