package dev.boomer.adapter.ai.ollama;

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

/**
 * A local Ollama server ({@code POST /api/chat}, not streamed) with base64 images on the user message and
 * the answer schema as {@code format}. Costs nothing per token; its counts are still recorded. Images are
 * sent at 1024 px: local vision models count about one token per 28 x 28 px, and time grows with them.
 */
public final class OllamaDialect implements Dialect {

    public static final String PROVIDER = "ollama";
    private static final ImageBudget IMAGE_BUDGET = new ImageBudget(1024, 1024L * 768, 20);
    private static final int PATCH = 28;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProviderSettings settings;

    public OllamaDialect(ProviderSettings settings) {
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
        ObjectNode body = request(model, maxOutputTokens);
        ObjectNode user = user(body, itemText);
        ArrayNode encoded = user.putArray("images");
        images.forEach(image -> encoded.add(image.base64()));
        return call(body);
    }

    @Override
    public ProviderCall repair(String model, String brokenAnswer, String error, int maxOutputTokens) {
        ObjectNode body = request(model, maxOutputTokens);
        user(body, VisionPrompt.repairText(brokenAnswer, error));
        return call(body);
    }

    /** The estimate's own schema as {@code format} and a short system prompt; no photos. */
    @Override
    public Optional<ProviderCall> estimate(String model, String system, String text, ObjectNode schema,
                                           int maxOutputTokens) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("stream", false);
        body.set("format", schema);
        body.putObject("options").put("num_predict", maxOutputTokens).put("temperature", 0);
        body.putArray("messages").addObject().put("role", "system").put("content", system);
        user(body, text);
        return Optional.of(call(body));
    }

    @Override
    public boolean estimates() {
        return true;
    }

    @Override
    public Reply read(JsonNode body) {
        Usage usage = new Usage(body.path("prompt_eval_count").asLong(0), body.path("eval_count").asLong(0), 0, 0, 0);
        if (body.path("done_reason").asText("").equals("length")) {
            return new Reply.Problem(OutputProblem.TRUNCATED, "the answer hit num_predict ("
                    + settings.maxOutputTokens() + ")", usage);
        }
        String content = body.path("message").path("content").asText("").strip();
        return content.isEmpty()
                ? new Reply.Problem(OutputProblem.EMPTY_OUTPUT, "the answer has no content", usage)
                : new Reply.Answer(content, usage);
    }

    @Override
    public long expectedInputTokens(String model, List<ImageSize> images, String itemText) {
        return VisionPrompt.systemTokens() + TextTokens.estimate(itemText)
                + images.stream().mapToLong(size -> ((size.width() + PATCH - 1) / PATCH)
                        * (long) ((size.height() + PATCH - 1) / PATCH)).sum();
    }

    private static ObjectNode request(String model, int maxOutputTokens) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("stream", false);
        body.set("format", AnswerSchema.schema());
        body.putObject("options").put("num_predict", maxOutputTokens).put("temperature", 0);
        body.putArray("messages").addObject().put("role", "system").put("content", VisionPrompt.system());
        return body;
    }

    private static ObjectNode user(ObjectNode body, String text) {
        ObjectNode user = ((ArrayNode) body.get("messages")).addObject();
        user.put("role", "user");
        user.put("content", text);
        return user;
    }

    private ProviderCall call(ObjectNode body) {
        return new ProviderCall(settings.resolve("/api/chat"), Map.of(), body);
    }
}
