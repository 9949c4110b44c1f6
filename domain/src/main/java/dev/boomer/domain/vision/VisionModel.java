package dev.boomer.domain.vision;


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

    VisionResponse analyze(VisionRequest request);

    /** The most this request can consume (expected input tokens, max output tokens), for budget reservations. */
    Usage worstCase(VisionRequest request);
}
