package dev.boomer.adapter.ai.openai;

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
import dev.boomer.adapter.ai.vision.RateLimitHeaders;
import dev.boomer.adapter.ai.vision.Reply;
import dev.boomer.adapter.ai.vision.VisionPrompt;
import dev.boomer.domain.vision.OutputProblem;
import dev.boomer.domain.vision.Usage;
import dev.boomer.resilience.Headroom;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenAI Chat Completions ({@code POST /v1/chat/completions}) with images as data URLs and a strict JSON
 * schema as the response format. OpenAI caches long prompt prefixes by itself; the reply's
 * {@code cached_tokens} say how much of the prompt was read from its cache.
 */
public final class OpenAiDialect implements Dialect {

    public static final String PROVIDER = "openai";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProviderSettings settings;

    public OpenAiDialect(ProviderSettings settings) {
        this.settings = settings;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public ImageBudget imageBudget(String model) {
        return OpenAiTokens.IMAGE_BUDGET;
    }

    @Override
    public ProviderCall analysis(String model, List<PreparedImage> images, String itemText, int maxOutputTokens) {
        ObjectNode body = request(model, maxOutputTokens);
        ArrayNode content = userContent(body);
        content.addObject().put("type", "text").put("text", itemText);
        for (PreparedImage image : images) {
            content.addObject().put("type", "image_url").putObject("image_url")
                    .put("url", image.dataUrl()).put("detail", "high");
        }
        return call(body);
    }

    @Override
    public ProviderCall repair(String model, String brokenAnswer, String error, int maxOutputTokens) {
        ObjectNode body = request(model, maxOutputTokens);
        userContent(body).addObject().put("type", "text").put("text", VisionPrompt.repairText(brokenAnswer, error));
        return call(body);
    }

    /** The estimate's own strict JSON schema and a short system prompt; no photos. */
    @Override
    public Optional<ProviderCall> estimate(String model, String system, String text, ObjectNode schema,
                                           int maxOutputTokens) {
        ObjectNode body = request(model, maxOutputTokens, EstimatePrompt.ANSWER_NAME, schema, system);
        ((ArrayNode) body.get("messages")).addObject().put("role", "user").put("content", text);
        return Optional.of(call(body));
    }

    @Override
    public boolean estimates() {
        return true;
    }

    @Override
    public Reply read(JsonNode body) {
        JsonNode u = body.path("usage");
        long prompt = u.path("prompt_tokens").asLong(0);
        long cached = u.path("prompt_tokens_details").path("cached_tokens").asLong(0);
        Usage usage = new Usage(Math.max(0, prompt - cached), u.path("completion_tokens").asLong(0), 0, cached, 0);
        JsonNode choice = body.path("choices").path(0);
        JsonNode message = choice.path("message");
        String finish = choice.path("finish_reason").asText("");
        if (message.path("refusal").isTextual() && !message.path("refusal").asText().isBlank()) {
            return new Reply.Problem(OutputProblem.REFUSED, "the model refused: " + message.path("refusal").asText(),
                    usage);
        }
        if (finish.equals("content_filter")) {
            return new Reply.Problem(OutputProblem.REFUSED, "the answer was withheld by the content filter", usage);
        }
        if (finish.equals("length")) {
            return new Reply.Problem(OutputProblem.TRUNCATED, "the answer hit max_completion_tokens ("
                    + settings.maxOutputTokens() + ")", usage);
        }
        String content = message.path("content").asText("").strip();
        return content.isEmpty()
                ? new Reply.Problem(OutputProblem.EMPTY_OUTPUT, "the answer has no content", usage)
                : new Reply.Answer(content, usage);
    }

    @Override
    public long expectedInputTokens(String model, List<ImageSize> images, String itemText) {
        return OpenAiTokens.input(model, images, itemText);
    }

    private static ObjectNode request(String model, int maxOutputTokens) {
        return request(model, maxOutputTokens, VisionPrompt.ANSWER_NAME, AnswerSchema.schema(), VisionPrompt.system());
    }

    /** A request answered in the strict JSON schema given, after the system prompt. */
    private static ObjectNode request(String model, int maxOutputTokens, String name, ObjectNode schema,
                                      String system) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("max_completion_tokens", maxOutputTokens);
        ObjectNode format = body.putObject("response_format").put("type", "json_schema");
        ObjectNode named = format.putObject("json_schema");
        named.put("name", name);
        named.put("strict", true);
        named.set("schema", schema);
        body.putArray("messages").addObject().put("role", "system").put("content", system);
        return body;
    }

    private static ArrayNode userContent(ObjectNode body) {
        ObjectNode user = ((ArrayNode) body.get("messages")).addObject();
        user.put("role", "user");
        return user.putArray("content");
    }

    private ProviderCall call(ObjectNode body) {
        return new ProviderCall(settings.resolve("/v1/chat/completions"),
                Map.of("authorization", "Bearer " + settings.requiredApiKey()), body);
    }

    @Override
    public List<Headroom> headroom(HttpHeaders headers, Clock clock) {
        return RateLimitHeaders.openAi(headers, clock);
    }
}
