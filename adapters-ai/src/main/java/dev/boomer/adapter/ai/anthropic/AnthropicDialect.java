package dev.boomer.adapter.ai.anthropic;

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
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The Anthropic Messages API ({@code POST /v1/messages}). The answer comes as the input of a forced tool
 * call; the tool definition and system prompt form the cached prefix, marked with {@code cache_control}
 * only when the model would cache a prefix that short.
 */
public final class AnthropicDialect implements Dialect {

    public static final String PROVIDER = "anthropic";
    static final String API_VERSION = "2023-06-01";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProviderSettings settings;

    public AnthropicDialect(ProviderSettings settings) {
        this.settings = settings;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public ImageBudget imageBudget(String model) {
        return AnthropicTokens.IMAGE_BUDGET;
    }

    @Override
    public ProviderCall analysis(String model, List<PreparedImage> images, String itemText, int maxOutputTokens) {
        ObjectNode body = prefix(model, maxOutputTokens);
        ArrayNode content = userMessage(body);
        for (PreparedImage image : images) {
            ObjectNode block = content.addObject().put("type", "image");
            block.putObject("source").put("type", "base64").put("media_type", PreparedImage.MEDIA_TYPE)
                    .put("data", image.base64());
        }
        content.addObject().put("type", "text").put("text", itemText);
        return call(body);
    }

    @Override
    public ProviderCall repair(String model, String brokenAnswer, String error, int maxOutputTokens) {
        ObjectNode body = prefix(model, maxOutputTokens);
        userMessage(body).addObject().put("type", "text").put("text", VisionPrompt.repairText(brokenAnswer, error));
        return call(body);
    }

    /** The estimate's own tool, forced, and a short system prompt; nothing cached (it is short and rare). */
    @Override
    public Optional<ProviderCall> estimate(String model, String system, String text, ObjectNode schema,
                                           int maxOutputTokens) {
        ObjectNode body = forcedTool(model, maxOutputTokens, EstimatePrompt.ANSWER_NAME,
                "Record the estimated price range of the item.", schema);
        body.putArray("system").addObject().put("type", "text").put("text", system);
        userMessage(body).addObject().put("type", "text").put("text", text);
        return Optional.of(call(body));
    }

    @Override
    public boolean estimates() {
        return true;
    }

    @Override
    public Reply read(JsonNode body) {
        JsonNode u = body.path("usage");
        Usage usage = new Usage(u.path("input_tokens").asLong(0), u.path("output_tokens").asLong(0),
                u.path("cache_creation_input_tokens").asLong(0), u.path("cache_read_input_tokens").asLong(0), 0);
        String stop = body.path("stop_reason").asText("");
        if (stop.equals("refusal")) {
            return new Reply.Problem(OutputProblem.REFUSED, "the model declined to describe the item", usage);
        }
        if (stop.equals("max_tokens")) {
            return new Reply.Problem(OutputProblem.TRUNCATED, "the answer hit max_tokens ("
                    + settings.maxOutputTokens() + ")", usage);
        }
        List<JsonNode> blocks = StreamSupport.stream(body.path("content").spliterator(), false).toList();
        for (JsonNode block : blocks) {
            String tool = block.path("name").asText();
            if (block.path("type").asText().equals("tool_use")
                    && (tool.equals(VisionPrompt.ANSWER_NAME) || tool.equals(EstimatePrompt.ANSWER_NAME))) {
                return new Reply.Answer(block.path("input").toString(), usage);
            }
        }
        String text = blocks.stream().filter(b -> b.path("type").asText().equals("text"))
                .map(b -> b.path("text").asText("")).collect(Collectors.joining()).strip();
        return text.isEmpty()
                ? new Reply.Problem(OutputProblem.EMPTY_OUTPUT, "no tool call and no text in the answer", usage)
                : new Reply.Answer(text, usage);
    }

    @Override
    public long expectedInputTokens(String model, List<ImageSize> images, String itemText) {
        return AnthropicTokens.input(images, itemText);
    }

    /** With caching on, the first call of a cache period pays the cache-write price for the whole prefix. */
    @Override
    public Usage worstCase(String model, List<ImageSize> images, String itemText, int maxOutputTokens) {
        long input = expectedInputTokens(model, images, itemText);
        long written = AnthropicTokens.cachesPrefix(model) ? AnthropicTokens.cacheablePrefix() : 0;
        return new Usage(input - written, maxOutputTokens, written, 0, images.size());
    }

    /** Tools, then system: the order Anthropic builds its cache prefix in. */
    private ObjectNode prefix(String model, int maxOutputTokens) {
        ObjectNode body = forcedTool(model, maxOutputTokens, VisionPrompt.ANSWER_NAME,
                "Record the listing details of the item in the photos.", AnswerSchema.schema());
        ObjectNode system = body.putArray("system").addObject();
        system.put("type", "text").put("text", VisionPrompt.system());
        if (AnthropicTokens.cachesPrefix(model)) {
            system.putObject("cache_control").put("type", "ephemeral");
        }
        return body;
    }

    /** A request whose answer is the input of the one tool the model must call. */
    private static ObjectNode forcedTool(String model, int maxOutputTokens, String name, String description,
                                         ObjectNode schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("max_tokens", maxOutputTokens);
        ObjectNode tool = body.putArray("tools").addObject();
        tool.put("name", name);
        tool.put("description", description);
        tool.set("input_schema", schema);
        body.putObject("tool_choice").put("type", "tool").put("name", name);
        return body;
    }

    private static ArrayNode userMessage(ObjectNode body) {
        ObjectNode message = body.putArray("messages").addObject();
        message.put("role", "user");
        return message.putArray("content");
    }

    private ProviderCall call(ObjectNode body) {
        return new ProviderCall(settings.resolve("/v1/messages"),
                Map.of("x-api-key", settings.requiredApiKey(), "anthropic-version", API_VERSION), body);
    }

    @Override
    public List<Headroom> headroom(HttpHeaders headers, Clock clock) {
        return RateLimitHeaders.anthropic(headers);
    }
}
