package dev.boomer.adapter.ai.vision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.boomer.adapter.ai.anthropic.AnthropicDialect;
import dev.boomer.adapter.ai.anthropic.AnthropicTokens;
import dev.boomer.domain.cost.ModelPrice;
import dev.boomer.domain.item.Condition;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.market.PriceEstimator;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.vision.VisionAnalysis;
import dev.boomer.domain.vision.VisionResponse;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Anthropic Messages API: {@code POST /v1/messages}, forced tool use, {@code cache_control} on the system prompt. */
class AnthropicContractTest extends ProviderContract {

    @Override
    Dialect dialect(ProviderSettings settings) {
        return new AnthropicDialect(settings);
    }

    @Override
    String provider() {
        return AnthropicDialect.PROVIDER;
    }

    @Override
    String answer(String json, long input, long output, long cached) {
        boolean object = json.strip().startsWith("{") && json.strip().endsWith("}");
        String content = object
                ? "{\"type\":\"tool_use\",\"id\":\"toolu_01\",\"name\":\"record_listing\",\"input\":" + json + "}"
                : "{\"type\":\"text\",\"text\":" + quote(json) + "}";
        return message("tool_use", content, input, output, 0, cached);
    }

    @Override
    String refusal() {
        return message("refusal", "", 1500, 3, 0, 0);
    }

    @Override
    String truncated() {
        return message("max_tokens", "{\"type\":\"tool_use\",\"id\":\"toolu_01\",\"name\":\"record_listing\","
                + "\"input\":{\"brand\":\"Canon\"}}", 1500, 1024, 0, 0);
    }

    @Override
    String empty() {
        return message("end_turn", "", 1500, 0, 0, 0);
    }

    @Override
    String error(int status, String type, String message) {
        return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"},"
                + "\"request_id\":\"req_011\"}";
    }

    @Override
    List<String> base64Images(JsonNode request) {
        return StreamSupport.stream(request.path("messages").path(0).path("content").spliterator(), false)
                .filter(block -> block.path("type").asText().equals("image"))
                .map(block -> block.path("source").path("data").asText()).toList();
    }

    @Test
    void theRequestCarriesKeyVersionModelToolAndMaxTokens() {
        stub.answer(200, answer(VALID, 2000, 350, 0));

        model().analyze(request(Tier.FAST, 2));

        StubProvider.Received sent = stub.last();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/messages");
        assertThat(sent.header("x-api-key")).isEqualTo(KEY);
        assertThat(sent.header("anthropic-version")).isEqualTo("2023-06-01");
        JsonNode body = sent.body();
        assertThat(body.path("model").asText()).isEqualTo("fast-model");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(1024);
        assertThat(body.path("tool_choice").path("name").asText()).isEqualTo("record_listing");
        assertThat(body.path("tools").path(0).path("input_schema").path("properties").path("condition")
                .path("enum")).hasSize(14);
        assertThat(body.path("system").path(0).path("text").asText()).isEqualTo(VisionPrompt.system());
        JsonNode content = body.path("messages").path(0).path("content");
        assertThat(content.path(0).path("source").path("media_type").asText()).isEqualTo("image/jpeg");
        assertThat(content.path(2).path("type").asText()).isEqualTo("text");
    }

    @Test
    void theRateLimitHeadersOfEachAnswerReachTheGuardOfItsModel() {
        stub.answer(200, java.util.Map.of(
                "anthropic-ratelimit-requests-remaining", "7",
                "anthropic-ratelimit-requests-reset", "2026-12-03T07:00:30Z",
                "anthropic-ratelimit-input-tokens-remaining", "1200",
                "anthropic-ratelimit-input-tokens-reset", "2026-12-03T07:00:05Z",
                "anthropic-ratelimit-output-tokens-remaining", "not-a-number",
                "anthropic-ratelimit-output-tokens-reset", "2026-12-03T07:00:05Z"), answer(VALID, 2000, 350, 0));
        List<String> seen = new java.util.ArrayList<>();

        model(Duration.ofSeconds(5), (model, headroom) -> headroom.forEach(left -> seen.add(model + " " + left)))
                .analyze(request(Tier.SMART, 1));

        assertThat(seen).containsExactly(
                "smart-model Headroom[kind=REQUESTS, remaining=7, resetsAt=2026-12-03T07:00:30Z]",
                "smart-model Headroom[kind=INPUT_TOKENS, remaining=1200, resetsAt=2026-12-03T07:00:05Z]");
    }

    @Test
    void theSystemPromptIsMarkedForCachingOnlyWhereTheModelCachesAPrefixThatShort() {
        stub.answer(200, answer(VALID, 2000, 350, 0)).answer(200, answer(VALID, 2000, 350, 0));
        ProviderSettings settings = new ProviderSettings(provider(), stub.baseUrl(), Optional.of(KEY),
                Duration.ofSeconds(2), Duration.ofSeconds(5), 1024, "claude-haiku-4-5", "claude-sonnet-4-5");
        HttpVisionModel model = new HttpVisionModel(dialect(settings), settings, Clock.systemUTC());

        model.analyze(request(Tier.FAST, 1));
        model.analyze(request(Tier.SMART, 1));

        assertThat(AnthropicTokens.cacheablePrefix()).isBetween(1024L, 4095L);
        assertThat(stub.received().get(0).body().path("system").path(0).has("cache_control"))
                .as("Haiku 4.5 caches from 4,096 tokens: marking would buy nothing").isFalse();
        assertThat(stub.received().get(1).body().path("system").path(0).path("cache_control").path("type").asText())
                .isEqualTo("ephemeral");
    }

    @Test
    void cacheReadsAndWritesAreReadFromUsageAndPricedExactly() {
        stub.answer(200, message("tool_use", "{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"record_listing\","
                + "\"input\":" + VALID + "}", 1850, 377, 1613, 0))
                .answer(200, message("tool_use", "{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"record_listing\","
                        + "\"input\":" + VALID + "}", 1850, 377, 0, 1613));

        Usage written = ((VisionResponse) model().analyze(request(Tier.SMART, 1))).call().usage();
        Usage read = ((VisionResponse) model().analyze(request(Tier.SMART, 1))).call().usage();

        assertThat(written).isEqualTo(new Usage(1850, 377, 1613, 0, 1));
        assertThat(read).isEqualTo(new Usage(1850, 377, 0, 1613, 1));
        ModelPrice sonnet = ModelPrice.of("3.00", "15.00", "3.75", "0.30");
        // 1850 x 3 + 377 x 15 + 1613 x 3.75 = 17,253.75 micro-dollars
        assertThat(sonnet.costOf(written)).isEqualTo(Money.usd("0.01725375"));
        // 1850 x 3 + 377 x 15 + 1613 x 0.30 = 11,688.9 micro-dollars
        assertThat(sonnet.costOf(read)).isEqualTo(Money.usd("0.0116889"));
    }

    @Test
    void anEstimateIsAForcedToolCallOfTheFastModelWithTheAnalysisAndNoPhotos() {
        stub.answer(200, message("tool_use", estimateTool("{\"low\":30,\"median\":40.5,\"high\":55,\"currency\":\"USD\"}"),
                240, 31, 0, 0));
        PriceEstimator.EstimateRequest request = estimateRequest();
        HttpVisionModel model = model();

        PriceEstimator.EstimateAnswer answer = model.estimate(request);

        assertThat(answer.estimate()).hasValueSatisfying(estimate -> {
            assertThat(estimate.low()).isEqualTo(Money.usd("30"));
            assertThat(estimate.median()).isEqualTo(Money.usd("40.50"));
            assertThat(estimate.high()).isEqualTo(Money.usd("55"));
        });
        assertThat(answer.call().model()).isEqualTo("fast-model");
        assertThat(answer.call().tier()).isEqualTo(Tier.FAST);
        assertThat(answer.call().usage()).isEqualTo(new Usage(240, 31, 0, 0, 0));
        JsonNode body = stub.last().body();
        assertThat(body.path("model").asText()).isEqualTo("fast-model");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(EstimatePrompt.MAX_OUTPUT_TOKENS);
        assertThat(body.path("tool_choice").path("name").asText()).isEqualTo("record_estimate");
        assertThat(body.path("tools").path(0).path("input_schema").path("required")).hasSize(4);
        assertThat(body.path("system").path(0).path("text").asText()).isEqualTo(EstimatePrompt.system());
        JsonNode content = body.path("messages").path(0).path("content");
        assertThat(content).hasSize(1);
        assertThat(content.path(0).path("text").asText()).contains("Canon AE-1 Program", "Used", "Currency: USD");
        assertThat(model.worstCase(request).inputTokens()).as("the reservation covers what was sent")
                .isGreaterThan(100);
        assertThat(model.offersEstimates()).isTrue();
    }

    @Test
    void anEstimateWithoutItsNumbersOrInAnotherCurrencyIsUnusableAndStillPaid() {
        stub.answer(200, message("tool_use", estimateTool("{\"low\":\"cheap\"}"), 240, 12, 0, 0))
                .answer(200, message("tool_use", estimateTool("{\"low\":30,\"median\":40,\"high\":55,\"currency\":\"EUR\"}"),
                        240, 31, 0, 0));

        PriceEstimator.EstimateAnswer noNumbers = model().estimate(estimateRequest());
        PriceEstimator.EstimateAnswer euros = model().estimate(estimateRequest());

        assertThat(noNumbers.estimate()).isEmpty();
        assertThat(noNumbers.problem()).contains("low, median and high");
        assertThat(noNumbers.call().usage().outputTokens()).isEqualTo(12);
        assertThat(euros.problem()).isEqualTo("the estimate is in EUR, not USD");
    }

    private static String estimateTool(String input) {
        return "{\"type\":\"tool_use\",\"id\":\"toolu_02\",\"name\":\"record_estimate\",\"input\":" + input + "}";
    }

    private static String message(String stopReason, String content, long input, long output, long cacheWrite,
                                  long cacheRead) {
        return """
                {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5",
                 "content":[%s],"stop_reason":"%s","stop_sequence":null,
                 "usage":{"input_tokens":%d,"output_tokens":%d,"cache_creation_input_tokens":%d,
                          "cache_read_input_tokens":%d}}""".formatted(content, stopReason, input, output, cacheWrite,
                cacheRead);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
