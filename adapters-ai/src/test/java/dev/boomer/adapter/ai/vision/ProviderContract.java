package dev.boomer.adapter.ai.vision;

import dev.boomer.domain.item.Priority;
import dev.boomer.domain.vision.VisionAnalysis;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.market.PriceEstimator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.boomer.adapter.ai.photo.Jpeg;
import dev.boomer.adapter.ai.photo.PhotoNormalizers;
import dev.boomer.domain.item.Condition;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.photo.NormalizedPhoto;
import dev.boomer.domain.photo.PhotoCheck;
import dev.boomer.domain.photo.RawPhoto;
import dev.boomer.domain.provider.ProviderRejected;
import dev.boomer.domain.provider.ProviderUnavailable;
import dev.boomer.domain.vision.OutputProblem;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.UnusableAnswer;
import dev.boomer.domain.vision.VisionImage;
import dev.boomer.domain.vision.VisionRequest;
import dev.boomer.domain.vision.VisionResponse;
import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.vision.VisionResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every provider must do, against a local server speaking its wire format: each subclass supplies the
 * provider's answer shapes and checks its request shape; the reading, validation, repair and failure rules
 * are asserted here once for all of them.
 */
abstract class ProviderContract {

    static final String KEY = "test-key-0123456789";
    static final String VALID = """
            {"brand":"Canon","model":"AE-1 Program","category":"Cameras & Photo > Film Photography > Film Cameras",
             "condition":"USED_VERY_GOOD","title":"Canon AE-1 Program 35mm SLR Film Camera Body Black",
             "description":"A Canon AE-1 Program body. Light wear on the top plate.",
             "searchQuery":"canon ae-1 program","gtin":null,
             "itemSpecifics":[{"name":"Brand","value":"Canon"},{"name":"Format","value":"35mm"}],
             "confidence":{"brand":0.98,"model":0.91,"category":0.95,"condition":0.7,"title":0.9}}""";

    final StubProvider stub = new StubProvider();

    /** The provider's dialect for these settings. */
    abstract Dialect dialect(ProviderSettings settings);

    abstract String provider();

    /** A 200 answer carrying {@code json} as the model's output, with these usage counts. */
    abstract String answer(String json, long input, long output, long cached);

    abstract String refusal();

    abstract String truncated();

    abstract String empty();

    /** The provider's error body for a status, as its API sends it. */
    abstract String error(int status, String type, String message);

    /** Photos in the request, decoded from whatever encoding the provider uses. */
    abstract List<String> base64Images(JsonNode request);

    HttpVisionModel model() {
        return model(Duration.ofSeconds(5));
    }

    HttpVisionModel model(Duration requestTimeout) {
        return model(requestTimeout, HeadroomListener.NONE);
    }

    HttpVisionModel model(Duration requestTimeout, HeadroomListener headroom) {
        ProviderSettings settings = new ProviderSettings(provider(), stub.baseUrl(), Optional.of(KEY),
                Duration.ofSeconds(2), requestTimeout, 1024, "fast-model", "smart-model");
        return new HttpVisionModel(dialect(settings), settings, Clock.systemUTC(), headroom);
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void anEstimateIsATextOnlyCallOfTheFastModelReadIntoARange() {
        stub.answer(200, answer("{\"low\":30,\"median\":40,\"high\":55,\"currency\":\"USD\"}", 240, 31, 0));
        HttpVisionModel model = model();

        PriceEstimator.EstimateAnswer answer = model.estimate(estimateRequest());

        assertThat(model.offersEstimates()).isTrue();
        assertThat(answer.estimate()).hasValueSatisfying(estimate -> {
            assertThat(estimate.low()).isEqualTo(Money.usd("30"));
            assertThat(estimate.median()).isEqualTo(Money.usd("40"));
            assertThat(estimate.high()).isEqualTo(Money.usd("55"));
        });
        assertThat(answer.call().model()).isEqualTo("fast-model");
        assertThat(answer.call().usage().outputTokens()).isEqualTo(31);
        assertThat(base64Images(stub.last().body())).as("the analysis, not the photos").isEmpty();
        assertThat(stub.last().body().toString()).contains("Canon AE-1 Program", "Currency: USD")
                .doesNotContain(VisionPrompt.system().substring(0, 40));
    }

    static PriceEstimator.EstimateRequest estimateRequest() {
        VisionAnalysis analysis = new VisionAnalysis("Canon", "AE-1 Program", "Cameras & Photo > Film Cameras",
                Condition.USED_EXCELLENT, "Canon AE-1 Program 35mm Film SLR Camera Body", "A camera.", "canon ae-1",
                Optional.empty(), Map.of(), 0.9);
        return new PriceEstimator.EstimateRequest(ItemId.random(), analysis, java.util.Currency.getInstance("USD"),
                Priority.NORMAL);
    }

    @Test
    void aValidAnswerBecomesAnAnalysisWithEveryField() {
        stub.answer(200, answer(VALID, 2000, 350, 0));

        VisionResponse response = (VisionResponse) model().analyze(request(Tier.SMART, 2));

        assertThat(response.analysis().brand()).isEqualTo("Canon");
        assertThat(response.analysis().condition()).isEqualTo(Condition.USED_VERY_GOOD);
        assertThat(response.analysis().itemSpecifics()).containsEntry("Format", "35mm");
        assertThat(response.analysis().fieldConfidence()).containsEntry("condition", 0.7);
        assertThat(response.analysis().confidence()).isEqualTo(0.7);
        assertThat(response.call().model()).isEqualTo("smart-model");
        assertThat(response.call().usage().outputTokens()).isEqualTo(350);
        assertThat(response.call().usage().images()).isEqualTo(2);
    }

    @Test
    void allPhotosGoInOneRequestAtTheProvidersSize() {
        stub.answer(200, answer(VALID, 2000, 350, 0));
        HttpVisionModel model = model();
        VisionRequest request = request(Tier.FAST, 3);

        model.analyze(request);

        assertThat(stub.received()).hasSize(1);
        List<String> images = base64Images(stub.last().body());
        assertThat(images).hasSize(3);
        ImageBudget budget = dialect(model.settings()).imageBudget("fast-model");
        for (String image : images) {
            BufferedImage sent = Jpeg.decode(Base64.getDecoder().decode(image));
            assertThat(Math.max(sent.getWidth(), sent.getHeight())).isLessThanOrEqualTo(budget.maxLongEdge());
            assertThat((long) sent.getWidth() * sent.getHeight()).isLessThanOrEqualTo(budget.maxPixels());
        }
        assertThat(stub.last().body().toString().contains(KEY)).as("the key never travels in the body").isFalse();
        assertThat(model.worstCase(request).inputTokens() + model.worstCase(request).cacheWriteTokens())
                .as("the worst case counts the images")
                .isGreaterThan(3 * 250L);
    }

    @Test
    void invalidJsonGetsOneTextOnlyRepairAndBothCallsAreCounted() {
        stub.answer(200, answer("{\"brand\": \"Canon\", oops", 2000, 40, 0))
                .answer(200, answer(VALID, 1500, 350, 0));

        VisionResult result = model().analyze(request(Tier.FAST, 2));

        assertThat(result).isInstanceOf(VisionResponse.class);
        assertThat(result.call().usage().outputTokens()).isEqualTo(390);
        assertThat(stub.received()).hasSize(2);
        assertThat(base64Images(stub.received().get(1).body())).as("the repair resends no photo").isEmpty();
        assertThat(stub.received().get(1).body().toString()).contains("oops");
    }

    @Test
    void invalidJsonTwiceIsUnusable() {
        stub.answer(200, answer("not json", 2000, 40, 0)).answer(200, answer("still not json", 1500, 30, 0));

        assertUnusable(OutputProblem.INVALID_JSON);
        assertThat(stub.received()).as("exactly one repair").hasSize(2);
    }

    @Test
    void aRefusalIsUnusable() {
        stub.answer(200, refusal());
        assertUnusable(OutputProblem.REFUSED);
    }

    @Test
    void aTruncatedAnswerIsUnusable() {
        stub.answer(200, truncated());
        assertUnusable(OutputProblem.TRUNCATED);
    }

    @Test
    void anEmptyAnswerIsUnusable() {
        stub.answer(200, empty());
        assertUnusable(OutputProblem.EMPTY_OUTPUT);
    }

    @Test
    void aConditionOutsideEbaysSetIsUnusable() {
        stub.answer(200, answer(VALID.replace("USED_VERY_GOOD", "PRETTY_GOOD"), 2000, 350, 0));
        assertUnusable(OutputProblem.WRONG_ENUM);
    }

    @Test
    void aMissingFieldIsUnusable() {
        stub.answer(200, answer(VALID.replace("\"searchQuery\":\"canon ae-1 program\",", ""), 2000, 350, 0));
        assertUnusable(OutputProblem.MISSING_FIELD);
    }

    @Test
    void rateLimitsAreRetryableAfterTheWaitTheProviderAsked() {
        stub.answer(429, Map.of("retry-after", "7"), error(429, "rate_limit_error", "slow down"));
        assertThatThrownBy(() -> model().analyze(request(Tier.FAST, 1)))
                .isInstanceOfSatisfying(ProviderUnavailable.class, e -> {
                    assertThat(e.code()).isEqualTo("rate_limited");
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                    assertThat(e.getMessage()).contains("slow down").doesNotContain(KEY);
                });
    }

    @Test
    void overloadedAndServerErrorsAreRetryable() {
        stub.answer(529, error(529, "overloaded_error", "Overloaded")).answer(500, error(500, "api_error", "boom"))
                .answer(503, error(503, "unavailable", "down"));
        assertRetryable("overloaded");
        assertRetryable("server_error");
        assertRetryable("server_error");
    }

    @Test
    void requestsThatCannotSucceedAreRejected() {
        Map<Integer, String> codes = Map.of(400, "bad_request", 401, "unauthorized", 403, "forbidden",
                413, "too_large");
        codes.forEach((status, code) -> {
            stub.answer(status, error(status, "invalid_request_error", "no"));
            assertThatThrownBy(() -> model().analyze(request(Tier.FAST, 1)))
                    .as("status " + status)
                    .isInstanceOfSatisfying(ProviderRejected.class, e -> assertThat(e.code()).isEqualTo(code));
        });
    }

    @Test
    void aSpendLimitIsNotRetried() {
        stub.answer(429, error(429, "insufficient_quota", "You exceeded your current quota; check your spend limit"));
        assertThatThrownBy(() -> model().analyze(request(Tier.FAST, 1)))
                .isInstanceOfSatisfying(ProviderRejected.class, e -> assertThat(e.code()).isEqualTo("spend_limit"));
    }

    @Test
    void invalidJsonWhoseRepairFailsIsUnusableAndKeepsTheFirstCallsUsage() {
        stub.answer(200, answer("{\"brand\": \"Canon\", oops", 2000, 40, 0))
                .answer(529, error(529, "overloaded_error", "Overloaded"));

        VisionResult result = model().analyze(request(Tier.FAST, 1));

        assertThat(result).isInstanceOfSatisfying(UnusableAnswer.class, unusable -> {
            assertThat(unusable.problem()).isEqualTo(OutputProblem.INVALID_JSON);
            assertThat(unusable.detail()).contains("repair request failed").contains("Overloaded");
            assertThat(unusable.call().usage().outputTokens()).isEqualTo(40);
        });
    }

    @Test
    void aSlowAnswerTimesOutAsRetryableAndMayHaveBeenCharged() {
        stub.neverAnswer();
        VisionRequest request = request(Tier.FAST, 1);
        HttpVisionModel model = model(Duration.ofMillis(300));
        assertThatThrownBy(() -> model.analyze(request))
                .isInstanceOfSatisfying(ProviderUnavailable.class, e -> {
                    assertThat(e.code()).isEqualTo("timeout");
                    assertSentInputIsEstimated(e, model.worstCase(request));
                });
    }

    @Test
    void aConnectionDroppedMidAnswerIsRetryableAndMayHaveBeenCharged() {
        stub.dropConnection();
        VisionRequest request = request(Tier.FAST, 1);
        HttpVisionModel model = model();
        assertThatThrownBy(() -> model.analyze(request))
                .isInstanceOfSatisfying(ProviderUnavailable.class, e -> {
                    assertThat(e.code()).isEqualTo("connection_lost");
                    assertSentInputIsEstimated(e, model.worstCase(request));
                });
    }

    @Test
    void aProviderThatCannotBeReachedIsRetryableAndCostsNothing() {
        HttpVisionModel model = model();
        stub.close();
        assertThatThrownBy(() -> model.analyze(request(Tier.FAST, 1)))
                .isInstanceOfSatisfying(ProviderUnavailable.class, e -> {
                    assertThat(e.code()).isEqualTo("unreachable");
                    assertThat(e.mayHaveCharged()).as("nothing was sent").isEmpty();
                });
    }

    /** The input the request sent, no output: within the reservation's worst case (which adds a repair). */
    private static void assertSentInputIsEstimated(ProviderUnavailable fault, Usage worstCase) {
        assertThat(fault.mayHaveCharged()).hasValueSatisfying(sent -> {
            assertThat(sent.inputTokens() + sent.cacheWriteTokens()).isPositive()
                    .isLessThan(worstCase.inputTokens() + worstCase.cacheWriteTokens());
            assertThat(sent.outputTokens()).isZero();
            assertThat(sent.images()).isEqualTo(1);
        });
    }

    private void assertRetryable(String code) {
        assertThatThrownBy(() -> model().analyze(request(Tier.FAST, 1)))
                .isInstanceOfSatisfying(ProviderUnavailable.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private void assertUnusable(OutputProblem problem) {
        VisionResult result = model().analyze(request(Tier.FAST, 1));
        assertThat(result).isInstanceOfSatisfying(UnusableAnswer.class, unusable -> {
            assertThat(unusable.problem()).isEqualTo(problem);
            assertThat(unusable.call().usage().inputTokens() + unusable.call().usage().cacheReadTokens())
                    .as("an unusable answer was still paid for").isPositive();
        });
    }

    /** Normalized sample photos, as an item's stored photos are. */
    static VisionRequest request(Tier tier, int photos) {
        List<String> names = List.of("camera.jpg", "camera-2.jpg", "watch.jpg", "book.jpg");
        List<VisionImage> images = names.subList(0, photos).stream().map(ProviderContract::sample).toList();
        return new VisionRequest(ItemId.random(), tier, images, Optional.empty());
    }

    private static VisionImage sample(String name) {
        Path path = Path.of("..", "samples", "photos", name);
        try {
            PhotoCheck check = PhotoNormalizers.withDefaults()
                    .normalize(new RawPhoto(name, Optional.empty(), Files.readAllBytes(path)));
            NormalizedPhoto photo = ((PhotoCheck.Accepted) check).photo();
            return new VisionImage(photo.photo(), photo.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
