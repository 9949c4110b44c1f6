package dev.boomer.adapter.ai.vision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.boomer.adapter.ai.openai.OpenAiDialect;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.vision.VisionResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** OpenAI Chat Completions: bearer key, images as data URLs, a strict JSON schema, cached tokens in usage. */
class OpenAiContractTest extends ProviderContract {

    @Override
    Dialect dialect(ProviderSettings settings) {
        return new OpenAiDialect(settings);
    }

    @Override
    String provider() {
        return OpenAiDialect.PROVIDER;
    }

    @Override
    String answer(String json, long input, long output, long cached) {
        return completion("stop", "\"content\":" + quote(json) + ",\"refusal\":null", input, output, cached);
    }

    @Override
    String refusal() {
        return completion("stop", "\"content\":null,\"refusal\":\"I can't help with that.\"", 1500, 8, 0);
    }

    @Override
    String truncated() {
        return completion("length", "\"content\":\"{\\\"brand\\\":\\\"Can\",\"refusal\":null", 1500, 1024, 0);
    }

    @Override
    String empty() {
        return completion("stop", "\"content\":\"\",\"refusal\":null", 1500, 0, 0);
    }

    @Override
    String error(int status, String type, String message) {
        String code = type.equals("insufficient_quota") ? "\"insufficient_quota\"" : "null";
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":" + code
                + "}}";
    }

    @Override
    List<String> base64Images(JsonNode request) {
        return StreamSupport.stream(request.path("messages").path(1).path("content").spliterator(), false)
                .filter(part -> part.path("type").asText().equals("image_url"))
                .map(part -> part.path("image_url").path("url").asText())
                .map(url -> url.substring("data:image/jpeg;base64,".length())).toList();
    }

    @Test
    void theRequestCarriesBearerKeyModelSchemaAndDataUrls() {
        stub.answer(200, answer(VALID, 2000, 350, 0));

        model().analyze(request(Tier.FAST, 2));

        StubProvider.Received sent = stub.last();
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header("authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = sent.body();
        assertThat(body.path("model").asText()).isEqualTo("fast-model");
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(1024);
        JsonNode format = body.path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        assertThat(format.path("json_schema").path("schema").path("additionalProperties").asBoolean()).isFalse();
        assertThat(body.path("messages").path(0).path("role").asText()).isEqualTo("system");
        JsonNode image = body.path("messages").path(1).path("content").path(1).path("image_url");
        assertThat(image.path("url").asText()).startsWith("data:image/jpeg;base64,");
        assertThat(image.path("detail").asText()).isEqualTo("high");
    }

    @Test
    void theRateLimitHeadersOfEachAnswerReachTheGuardOfItsModel() {
        stub.answer(200, java.util.Map.of("x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "1m2.5s",
                "x-ratelimit-remaining-tokens", "12000", "x-ratelimit-reset-tokens", "120ms"), answer(VALID, 2000, 350, 0));
        List<dev.boomer.resilience.Headroom> seen = new java.util.ArrayList<>();
        java.time.Instant before = java.time.Instant.now();

        model(Duration.ofSeconds(5), (model, headroom) -> seen.addAll(headroom)).analyze(request(Tier.FAST, 1));

        assertThat(seen).extracting(left -> left.kind() + " " + left.remaining())
                .containsExactly("REQUESTS 0", "INPUT_TOKENS 12000");
        assertThat(Duration.between(before, seen.get(0).resetsAt()))
                .isBetween(Duration.ofMillis(62_500), Duration.ofMillis(64_000));
    }

    @Test
    void cachedPromptTokensAreReadAsCacheReads() {
        stub.answer(200, answer(VALID, 3000, 350, 1792));

        Usage usage = ((VisionResponse) model().analyze(request(Tier.FAST, 1))).call().usage();

        assertThat(usage).isEqualTo(new Usage(3000 - 1792, 350, 0, 1792, 1));
    }

    private static String completion(String finish, String message, long prompt, long completion, long cached) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1764590000,"model":"gpt-4.1-mini",
                 "choices":[{"index":0,"message":{"role":"assistant",%s},"finish_reason":"%s"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d,
                          "prompt_tokens_details":{"cached_tokens":%d}}}""".formatted(message, finish, prompt,
                completion, prompt + completion, cached);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
