package dev.boomer.adapter.ai.vision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.boomer.adapter.ai.ollama.OllamaDialect;
import dev.boomer.domain.vision.Tier;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Ollama {@code /api/chat}: no key, base64 images on the user message, the schema as {@code format}. */
class OllamaContractTest extends ProviderContract {

    @Override
    Dialect dialect(ProviderSettings settings) {
        return new OllamaDialect(settings);
    }

    @Override
    String provider() {
        return OllamaDialect.PROVIDER;
    }

    @Override
    String answer(String json, long input, long output, long cached) {
        return chat("stop", quote(json), input, output);
    }

    /** Ollama has no refusal signal; a model that declines says so in words, which is not the JSON asked for. */
    @Override
    String refusal() {
        return chat("stop", quote("{\"brand\":\"\",\"model\":\"\",\"category\":\"\",\"condition\":\"NEW\","
                + "\"title\":\"\",\"description\":\"I cannot help with this.\",\"searchQuery\":\"\",\"gtin\":null,"
                + "\"itemSpecifics\":[],\"confidence\":{\"brand\":0,\"model\":0,\"category\":0,\"condition\":0,"
                + "\"title\":0}}"), 1500, 20);
    }

    @Override
    String truncated() {
        return chat("length", quote("{\"brand\": \"Ca"), 1500, 1024);
    }

    @Override
    String empty() {
        return chat("stop", "\"\"", 1500, 0);
    }

    @Override
    String error(int status, String type, String message) {
        return "{\"error\":\"" + type + ": " + message + "\"}";
    }

    @Override
    List<String> base64Images(JsonNode request) {
        return StreamSupport.stream(request.path("messages").path(1).path("images").spliterator(), false)
                .map(JsonNode::asText).toList();
    }

    @Override
    @Test
    void aRefusalIsUnusable() {
        // Ollama cannot signal a refusal: an all-blank answer is refused by validation instead.
        stub.answer(200, refusal());
        var result = model().analyze(request(Tier.FAST, 1));
        assertThat(result).isInstanceOf(dev.boomer.domain.vision.UnusableAnswer.class);
    }

    @Test
    void theRequestCarriesModelImagesFormatAndNoKey() {
        stub.answer(200, answer(VALID, 2000, 350, 0));

        model().analyze(request(Tier.FAST, 2));

        StubProvider.Received sent = stub.last();
        assertThat(sent.path()).isEqualTo("/api/chat");
        assertThat(sent.header("authorization")).isNull();
        JsonNode body = sent.body();
        assertThat(body.path("model").asText()).isEqualTo("fast-model");
        assertThat(body.path("stream").asBoolean(true)).isFalse();
        assertThat(body.path("format").path("properties").has("confidence")).isTrue();
        assertThat(body.path("options").path("num_predict").asInt()).isEqualTo(1024);
        assertThat(body.path("messages").path(1).path("images")).hasSize(2);
    }

    private static String chat(String doneReason, String content, long prompt, long output) {
        return """
                {"model":"qwen2.5vl:7b","created_at":"2026-12-01T10:00:00Z",
                 "message":{"role":"assistant","content":%s},"done":true,"done_reason":"%s",
                 "total_duration":4200000000,"prompt_eval_count":%d,"eval_count":%d}""".formatted(content, doneReason,
                prompt, output);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
