package dev.boomer.adapter.ai.vision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.boomer.adapter.ai.gemini.GeminiDialect;
import dev.boomer.domain.provider.ProviderUnavailable;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.vision.VisionResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Gemini generateContent: key header, inline images, JSON schema, implicit-cache and thinking counts. */
class GeminiContractTest extends ProviderContract {

    @Override
    Dialect dialect(ProviderSettings settings) {
        return new GeminiDialect(settings);
    }

    @Override
    String provider() {
        return GeminiDialect.PROVIDER;
    }

    @Override
    String answer(String json, long input, long output, long cached) {
        return candidate("STOP", "{\"text\":" + quote(json) + "}", input, output, cached, 0);
    }

    @Override
    String refusal() {
        return """
                {"promptFeedback":{"blockReason":"PROHIBITED_CONTENT"},
                 "usageMetadata":{"promptTokenCount":1500,"totalTokenCount":1500}}""";
    }

    @Override
    String truncated() {
        return candidate("MAX_TOKENS", "{\"text\":\"{\\\"brand\\\": \\\"Ca\"}", 1500, 4096, 0, 0);
    }

    @Override
    String empty() {
        return candidate("STOP", "", 1500, 0, 0, 0);
    }

    @Override
    String error(int status, String type, String message) {
        return """
                {"error":{"code":%d,"message":"%s","status":"%s",
                 "details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"37s"}]}}"""
                .formatted(status, message, type);
    }

    @Override
    List<String> base64Images(JsonNode request) {
        return StreamSupport.stream(request.path("contents").path(0).path("parts").spliterator(), false)
                .filter(part -> part.has("inlineData"))
                .map(part -> part.path("inlineData").path("data").asText()).toList();
    }

    @Test
    void theRequestCarriesKeyModelInlineImagesAndSchema() {
        stub.answer(200, answer(VALID, 2000, 350, 0));

        model().analyze(request(Tier.SMART, 2));

        StubProvider.Received sent = stub.last();
        assertThat(sent.path()).isEqualTo("/v1beta/models/smart-model:generateContent");
        assertThat(sent.header("x-goog-api-key")).isEqualTo(KEY);
        JsonNode body = sent.body();
        assertThat(body.path("systemInstruction").path("parts").path(0).path("text").asText())
                .isEqualTo(VisionPrompt.system());
        JsonNode generation = body.path("generationConfig");
        assertThat(generation.path("responseMimeType").asText()).isEqualTo("application/json");
        assertThat(generation.path("responseJsonSchema").path("required")).hasSize(10);
        assertThat(generation.path("maxOutputTokens").asInt()).isEqualTo(1024);
        assertThat(body.path("contents").path(0).path("parts").path(0).path("inlineData").path("mimeType").asText())
                .isEqualTo("image/jpeg");
    }

    @Test
    void implicitCacheHitsAreCacheReadsAndThinkingIsBilledAsOutput() {
        stub.answer(200, candidate("STOP", "{\"text\":" + quote(VALID) + "}", 3000, 350, 1024, 600));

        Usage usage = ((VisionResponse) model().analyze(request(Tier.FAST, 1))).call().usage();

        assertThat(usage).isEqualTo(new Usage(3000 - 1024, 350 + 600, 0, 1024, 1));
    }

    @Test
    void theRetryDelayInTheErrorBodyIsTheWait() {
        stub.answer(429, error(429, "RESOURCE_EXHAUSTED", "Quota exceeded for requests per minute"));
        assertThatThrownBy(() -> model().analyze(request(Tier.FAST, 1)))
                .isInstanceOfSatisfying(ProviderUnavailable.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(37)));
    }

    private static String candidate(String finish, String part, long prompt, long output, long cached,
                                    long thoughts) {
        return """
                {"candidates":[{"content":{"role":"model","parts":[%s]},"finishReason":"%s","index":0}],
                 "usageMetadata":{"promptTokenCount":%d,"candidatesTokenCount":%d,"cachedContentTokenCount":%d,
                                  "thoughtsTokenCount":%d,"totalTokenCount":%d},
                 "modelVersion":"gemini-2.5-flash"}""".formatted(part, finish, prompt, output, cached, thoughts,
                prompt + output + thoughts);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
