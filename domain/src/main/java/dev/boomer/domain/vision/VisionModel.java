package dev.boomer.domain.vision;

import java.net.URI;
import java.util.Optional;

/**
 * A vision provider (Anthropic, OpenAI, Ollama, Gemini or simulated).
 *
 * @throws dev.boomer.domain.provider.ProviderUnavailable for faults worth retrying later
 * @throws dev.boomer.domain.provider.ProviderRejected    for requests that cannot succeed as they are
 */
public interface VisionModel {

    /** The provider's name, as it appears in cost entries ("simulated", "anthropic", ...). */
    String provider();

    /** The configured model name for a tier. */
    String modelFor(Tier tier);

    /**
     * One request with all of the item's photos. An answer that came back but cannot be used is returned as
     * an {@link UnusableAnswer} (it was paid for); transport and HTTP faults are thrown.
     */
    VisionResult analyze(VisionRequest request);

    /** Where the provider is reached, for operators; empty for one that runs in process. */
    default Optional<URI> endpoint() {
        return Optional.empty();
    }

    /** The most this request can consume (expected input tokens, max output tokens), for budget reservations. */
    Usage worstCase(VisionRequest request);
}
