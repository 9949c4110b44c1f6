package dev.boomer.resilience;

import java.time.Instant;
import java.util.Objects;

/**
 * What a provider says is left of one of its limits, from the rate-limit headers of an answer (Anthropic's
 * {@code anthropic-ratelimit-*}, OpenAI's {@code x-ratelimit-*}), and when that limit is full again.
 */
public record Headroom(Kind kind, long remaining, Instant resetsAt) {

    public enum Kind { REQUESTS, INPUT_TOKENS, OUTPUT_TOKENS }

    public Headroom {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resetsAt, "resetsAt");
    }
}
