package dev.boomer.adapter.ai.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.boomer.adapter.ai.vision.AnswerSchema;
import dev.boomer.adapter.ai.vision.Dialect;
import dev.boomer.adapter.ai.vision.EstimatePrompt;
import dev.boomer.adapter.ai.vision.ImageBudget;
import dev.boomer.adapter.ai.vision.ImageSize;
import dev.boomer.adapter.ai.vision.PreparedImage;
import dev.boomer.adapter.ai.vision.ProviderCall;
import dev.boomer.adapter.ai.vision.ProviderSettings;
import dev.boomer.adapter.ai.vision.Reply;
import dev.boomer.adapter.ai.vision.TextTokens;
import dev.boomer.adapter.ai.vision.VisionPrompt;
import dev.boomer.domain.vision.OutputProblem;
import dev.boomer.domain.vision.Usage;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Gemini {@code generateContent} ({@code POST /v1beta/models/{model}:generateContent}) with inline images
 * and a JSON response schema. Gemini caches repeated prefixes implicitly and reports the cached part as
 * {@code cachedContentTokenCount}; thinking tokens are billed as output.
 */
public final class GeminiDialect implements Dialect {

    public static final String PROVIDER = "gemini";
    /** Images of at most 384 px both ways count 258 tokens; larger ones count 258 per 768 px tile. */
    static final long TOKENS_PER_TILE = 258;
    private static final int SMALL_IMAGE = 384;
    private static final int TILE = 768;
    private static final ImageBudget IMAGE_BUDGET = new ImageBudget(1536, 1536L * 1536, 3000);
    private static final Set<String> REFUSALS = Set.of("SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT",
            "SPII", "IMAGE_SAFETY", "LANGUAGE");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProviderSettings settings;

    public GeminiDialect(ProviderSettings settings) {
        this.settings = settings;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public ImageBudget imageBudget(String model) {
        return IMAGE_BUDGET;
    }

    @Override
    public ProviderCall analysis(String model, List<PreparedImage> images, String itemText, int maxOutputTokens) {
        ObjectNode body = request(maxOutputTokens);
        ArrayNode parts = userParts(body);
        for (PreparedImage image : images) {
            parts.addObject().putObject("inlineData").put("mimeType", PreparedImage.MEDIA_TYPE)
                    .put("data", image.base64());
        }
        parts.addObject().put("text", itemText);
        return call(model, body);
    }

    @Override
    public ProviderCall repair(String model, String brokenAnswer, String error, int maxOutputTokens) {
        ObjectNode body = request(maxOutputTokens);
        userParts(body).addObject().put("text", VisionPrompt.repairText(brokenAnswer, error));
        return call(model, body);
    }

    /**
     * The estimate's own JSON schema and a short system prompt; no photos, and no thinking (it would spend
     * the small output limit before the answer).
     */
    @Override
    public Optional<ProviderCall> estimate(String model, String system, String text, ObjectNode schema,
                                           int maxOutputTokens) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("systemInstruction").putArray("parts").addObject().put("text", system);
        ObjectNode generation = body.putObject("generationConfig");
        generation.put("responseMimeType", "application/json");
        generation.set("responseJsonSchema", schema);
        generation.put("maxOutputTokens", maxOutputTokens);
        generation.put("temperature", 0);
        generation.putObject("thinkingConfig").put("thinkingBudget", 0);
        userParts(body).addObject().put("text", text);
        return Optional.of(call(model, body));
    }

    @Override
    public boolean estimates() {
        return true;
    }

    @Override
    public Reply read(JsonNode body) {
        JsonNode u = body.path("usageMetadata");
        long prompt = u.path("promptTokenCount").asLong(0);
        long cached = u.path("cachedContentTokenCount").asLong(0);
        long output = u.path("candidatesTokenCount").asLong(0) + u.path("thoughtsTokenCount").asLong(0);
        Usage usage = new Usage(Math.max(0, prompt - cached), output, 0, cached, 0);
        String blocked = body.path("promptFeedback").path("blockReason").asText("");
        if (!blocked.isEmpty()) {
            return new Reply.Problem(OutputProblem.REFUSED, "the request was blocked (" + blocked + ")", usage);
        }
        JsonNode candidate = body.path("candidates").path(0);
        if (candidate.isMissingNode()) {
            return new Reply.Problem(OutputProblem.EMPTY_OUTPUT, "the answer has no candidate", usage);
        }
        String finish = candidate.path("finishReason").asText("");
        if (REFUSALS.contains(finish)) {
            return new Reply.Problem(OutputProblem.REFUSED, "the answer was stopped (" + finish + ")", usage);
        }
        if (finish.equals("MAX_TOKENS")) {
            return new Reply.Problem(OutputProblem.TRUNCATED, "the answer hit maxOutputTokens ("
                    + settings.maxOutputTokens() + ")", usage);
        }
        String text = StreamSupport.stream(candidate.path("content").path("parts").spliterator(), false)
                .filter(part -> !part.path("thought").asBoolean(false))
                .map(part -> part.path("text").asText(""))
                .collect(Collectors.joining()).strip();
        return text.isEmpty()
                ? new Reply.Problem(OutputProblem.EMPTY_OUTPUT, "the answer has no text", usage)
                : new Reply.Answer(text, usage);
    }

    @Override
    public long expectedInputTokens(String model, List<ImageSize> images, String itemText) {
        return VisionPrompt.sharedPrefixTokens() + TextTokens.estimate(itemText)
                + images.stream().mapToLong(GeminiDialect::imageTokens).sum();
    }

    static long imageTokens(ImageSize size) {
        if (size.longEdge() <= SMALL_IMAGE) {
            return TOKENS_PER_TILE;
        }
        long tiles = ((size.width() + TILE - 1) / TILE) * (long) ((size.height() + TILE - 1) / TILE);
        return tiles * TOKENS_PER_TILE;
    }

    private static ObjectNode request(int maxOutputTokens) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("systemInstruction").putArray("parts").addObject().put("text", VisionPrompt.system());
        ObjectNode generation = body.putObject("generationConfig");
        generation.put("responseMimeType", "application/json");
        generation.set("responseJsonSchema", AnswerSchema.schema());
        generation.put("maxOutputTokens", maxOutputTokens);
        generation.put("temperature", 0);
        return body;
    }

    private static ArrayNode userParts(ObjectNode body) {
        ObjectNode content = body.putArray("contents").addObject();
        content.put("role", "user");
        return content.putArray("parts");
    }

    private ProviderCall call(String model, ObjectNode body) {
        return new ProviderCall(settings.resolve("/v1beta/models/" + model + ":generateContent"),
                Map.of("x-goog-api-key", settings.requiredApiKey()), body);
    }
}
