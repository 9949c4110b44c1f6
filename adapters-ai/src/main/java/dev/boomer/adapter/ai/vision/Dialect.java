package dev.boomer.adapter.ai.vision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.boomer.domain.vision.Usage;
import dev.boomer.resilience.Headroom;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What differs between vision providers: the wire format of a request and its answer, how images are
 * counted and sized, and what can be cached. Sending, failures, validation and the repair attempt are the
 * same for all of them and live in {@link HttpVisionModel}.
 */
public interface Dialect {

    /** "anthropic", "openai", ... as cost entries and metrics name it. */
    String provider();

    ImageBudget imageBudget(String model);

    /** The request for one item: the shared system prompt, every photo, the item text, the answer schema. */
    ProviderCall analysis(String model, List<PreparedImage> images, String itemText, int maxOutputTokens);

    /** A text-only follow-up asking to fix an answer that was not valid JSON. */
    ProviderCall repair(String model, String brokenAnswer, String error, int maxOutputTokens);

    /**
     * A text-only request for a price estimate, answered through a tool or schema of {@code schema}'s shape;
     * empty where this dialect does not ask for estimates yet.
     */
    default Optional<ProviderCall> estimate(String model, String system, String text, ObjectNode schema,
                                            int maxOutputTokens) {
        return Optional.empty();
    }

    /** Whether {@link #estimate} asks for estimates. */
    default boolean estimates() {
        return false;
    }

    /** Reads a 2xx answer. */
    Reply read(JsonNode body);

    /** The input tokens the provider will count for this request, from the images and the prompt. */
    long expectedInputTokens(String model, List<ImageSize> images, String itemText);

    /** The most the request can consume; providers that cache may bill the prompt as a cache write. */
    default Usage worstCase(String model, List<ImageSize> images, String itemText, int maxOutputTokens) {
        return new Usage(expectedInputTokens(model, images, itemText), maxOutputTokens, 0, 0, images.size());
    }

    /** What the answer's headers say is left of the provider's rate limits; nothing for providers that send none. */
    default List<Headroom> headroom(HttpHeaders headers, Clock clock) {
        return List.of();
    }
}
