package dev.boomer.adapter.ai.simulated;

import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.Photo;
import dev.boomer.domain.provider.ProviderUnavailable;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.VisionImage;
import dev.boomer.domain.vision.VisionRequest;
import dev.boomer.domain.vision.VisionResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedVisionModelTest {

    private final SimulatedVisionModel model = new SimulatedVisionModel(config(0, 0));

    @Test
    void theSamePhotosAlwaysGiveTheSameAnalysisAndUsage() {
        VisionResponse first = model.analyze(request(Tier.FAST, "a", "b"));
        VisionResponse second = new SimulatedVisionModel(config(0, 0)).analyze(request(Tier.FAST, "b", "a"));
        assertThat(second.analysis()).isEqualTo(first.analysis());
        assertThat(second.call().usage()).isEqualTo(first.call().usage());
    }

    @Test
    void inputTokensFollowAnthropicsImageFormula() {
        // 1568 x 1176 = 1,843,968 px / 750 = 2458.6 -> 2459 tokens, plus system and item prompt
        VisionResponse response = model.analyze(request(Tier.FAST, "a"));
        assertThat(response.call().usage().inputTokens())
                .isEqualTo(2459 + SimulatedVisionModel.SYSTEM_PROMPT_TOKENS + SimulatedVisionModel.ITEM_PROMPT_TOKENS);
        assertThat(response.call().usage().images()).isEqualTo(1);
        assertThat(model.worstCase(request(Tier.FAST, "a")).outputTokens()).isEqualTo(1024);
    }

    @Test
    void titlesFitEbaysLimitAndConfidenceIsMostlyHigh() {
        List<VisionResponse> responses = IntStream.range(0, 200)
                .mapToObj(i -> model.analyze(request(Tier.FAST, "photo-" + i))).toList();
        assertThat(responses).allSatisfy(r -> assertThat(r.analysis().title().length()).isLessThanOrEqualTo(80));
        long unsure = responses.stream().filter(r -> r.analysis().confidence() < 0.6).count();
        assertThat(unsure).isBetween(4L, 40L);
    }

    @Test
    void injectedRateLimitsCarryTheirRetryAfter() {
        SimulatedVisionModel limited = new SimulatedVisionModel(config(0, 1));
        assertThatThrownBy(() -> limited.analyze(request(Tier.FAST, "a")))
                .isInstanceOfSatisfying(ProviderUnavailable.class, e -> {
                    assertThat(e.code()).isEqualTo("rate_limited");
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
                });
        assertThatThrownBy(() -> new SimulatedVisionModel(config(1, 0)).analyze(request(Tier.FAST, "a")))
                .isInstanceOfSatisfying(ProviderUnavailable.class, e -> assertThat(e.code()).isEqualTo("overloaded"));
    }

    private static SimulatedVisionConfig config(double errorRate, double rateLimitRate) {
        return new SimulatedVisionConfig("claude-haiku-4-5", "claude-sonnet-4-5", Duration.ZERO, Duration.ZERO, 0.3,
                1024, errorRate, rateLimitRate, Duration.ofSeconds(2), 42);
    }

    private static VisionRequest request(Tier tier, String... photos) {
        List<VisionImage> images = java.util.Arrays.stream(photos).map(p -> new VisionImage(
                new Photo(ContentHash.of(p.getBytes()), "image/jpeg", 1568, 1176, 100), new byte[100])).toList();
        return new VisionRequest(ItemId.random(), tier, images, Optional.empty());
    }
}
