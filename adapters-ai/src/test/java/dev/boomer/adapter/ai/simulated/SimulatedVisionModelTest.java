package dev.boomer.adapter.ai.simulated;

import dev.boomer.adapter.ai.anthropic.AnthropicTokens;
import dev.boomer.domain.fixtures.MutableClock;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.Photo;
import dev.boomer.domain.provider.ProviderUnavailable;
import dev.boomer.domain.vision.OutputProblem;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.UnusableAnswer;
import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.vision.VisionImage;
import dev.boomer.domain.vision.VisionAnalysis;
import dev.boomer.domain.vision.VisionRequest;
import dev.boomer.domain.vision.VisionResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedVisionModelTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:30Z"));
    private final SimulatedVisionModel model = model(quiet());

    @Test
    void theSamePhotosAlwaysGiveTheSameAnalysisAndUsage() {
        VisionResponse first = answer(model, request(Tier.FAST, "a", "b"));
        VisionResponse second = answer(model(quiet()), request(Tier.FAST, "b", "a"));
        assertThat(second.analysis()).isEqualTo(first.analysis());
        assertThat(second.call().usage()).isEqualTo(first.call().usage());
    }

    @Test
    void inputTokensFollowAnthropicsImageFormulaAtItsRecommendedSize() {
        // 1568 x 1176 is scaled to fit 1.15 MP: 1238 x 928 = 1,148,864 px / 750 -> 1532 tokens
        Usage usage = answer(model, request(Tier.FAST, "a")).call().usage();
        long text = AnthropicTokens.input(List.of(), "The photo shows one item. Describe it for its listing.");
        assertThat(usage.inputTokens()).isEqualTo(text + 1532);
        assertThat(usage.images()).isEqualTo(1);
        assertThat(model.worstCase(request(Tier.FAST, "a")).outputTokens())
                .as("max_tokens for the call and for the one repair it may need").isEqualTo(2 * 1024);
    }

    @Test
    void haikuCachesNothingBecauseThePromptIsShorterThanItsMinimumButSonnetWritesThenReads() {
        assertThat(AnthropicTokens.cachesPrefix("claude-haiku-4-5")).isFalse();
        Usage fast = answer(model, request(Tier.FAST, "a")).call().usage();
        assertThat(fast.cacheWriteTokens() + fast.cacheReadTokens()).isZero();

        Usage first = answer(model, request(Tier.SMART, "a")).call().usage();
        clock.advance(Duration.ofMinutes(4));
        Usage second = answer(model, request(Tier.SMART, "b")).call().usage();
        clock.advance(Duration.ofMinutes(6));
        Usage afterExpiry = answer(model, request(Tier.SMART, "c")).call().usage();

        long prefix = AnthropicTokens.cacheablePrefix();
        assertThat(first.cacheWriteTokens()).isEqualTo(prefix);
        assertThat(second.cacheReadTokens()).isEqualTo(prefix);
        assertThat(second.cacheWriteTokens()).isZero();
        assertThat(afterExpiry.cacheWriteTokens()).isEqualTo(prefix);
        assertThat(model.worstCase(request(Tier.SMART, "a")).cacheWriteTokens()).isEqualTo(prefix);
    }

    @Test
    void titlesFitEbaysLimitAndConfidenceIsMostlyHigh() {
        List<VisionResponse> responses = IntStream.range(0, 200)
                .mapToObj(i -> answer(model, request(Tier.FAST, "photo-" + i))).toList();
        assertThat(responses).allSatisfy(r -> assertThat(r.analysis().title().length()).isLessThanOrEqualTo(80));
        long unsure = responses.stream().filter(r -> r.analysis().confidence() < 0.6).count();
        assertThat(unsure).isBetween(4L, 40L);
    }

    @Test
    void injectedFaultsAreTypedAndRateLimitsCarryTheirRetryAfter() {
        assertThatThrownBy(() -> model(faults(0, 1, 0)).analyze(request(Tier.FAST, "a")))
                .isInstanceOfSatisfying(ProviderUnavailable.class, e -> {
                    assertThat(e.code()).isEqualTo("rate_limited");
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
                });
        assertThatThrownBy(() -> model(faults(1, 0, 0)).analyze(request(Tier.FAST, "a")))
                .isInstanceOfSatisfying(ProviderUnavailable.class, e -> {
                    assertThat(e.code()).isEqualTo("overloaded");
                    assertThat(e.mayHaveCharged()).as("refused before any work").isEmpty();
                });
    }

    @Test
    void aLostAnswerMayHaveBeenChargedForTheInputItSent() {
        SimulatedVisionModel lossy = model(faults(0, 0, 1, 0));
        VisionRequest request = request(Tier.FAST, "a", "b");
        long answeredInput = answer(model(quiet()), request).call().usage().inputTokens();

        assertThatThrownBy(() -> lossy.analyze(request))
                .isInstanceOfSatisfying(ProviderUnavailable.class, e -> {
                    assertThat(e.code()).isEqualTo("timeout");
                    assertThat(e.mayHaveCharged()).hasValueSatisfying(sent -> {
                        assertThat(sent.inputTokens()).isEqualTo(answeredInput);
                        assertThat(sent.outputTokens()).isZero();
                        assertThat(sent.images()).isEqualTo(2);
                    });
                });
    }

    @Test
    void malformedAnswersAreUnusableAndBothTheCallAndItsRepairArePaid() {
        var result = model(faults(0, 0, 1)).analyze(request(Tier.FAST, "a"));
        assertThat(result).isInstanceOfSatisfying(UnusableAnswer.class, unusable -> {
            assertThat(unusable.problem()).isEqualTo(OutputProblem.INVALID_JSON);
            assertThat(unusable.call().usage().inputTokens())
                    .isGreaterThan(answer(model, request(Tier.FAST, "a")).call().usage().inputTokens());
            Usage worst = model.worstCase(request(Tier.FAST, "a"));
            assertThat(unusable.call().usage().inputTokens()).as("the reservation covers the repair too")
                    .isLessThanOrEqualTo(worst.inputTokens());
            assertThat(unusable.call().usage().outputTokens()).isLessThanOrEqualTo(worst.outputTokens());
        });
    }

    @Test
    void anOutageWindowFailsEveryCallWithTheTimeLeft() {
        var config = new SimulatedVisionConfig(Duration.ZERO, Duration.ZERO, 0.3, 1024, 0, 0, Duration.ofSeconds(2),
                0, 0, Duration.ofSeconds(30), 0, Duration.ofMinutes(10), Duration.ofMinutes(1), 42);
        SimulatedVisionModel flaky = model(config);
        assertThatThrownBy(() -> flaky.analyze(request(Tier.FAST, "a")))
                .isInstanceOfSatisfying(ProviderUnavailable.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
        clock.advance(Duration.ofMinutes(1));
        assertThat(flaky.analyze(request(Tier.FAST, "a"))).isInstanceOf(VisionResponse.class);
    }

    @Test
    void aBarcodeItKnowsNamesTheProductItStandsForInWhicheverFormItWasRead() {
        SimulatedVisionModel model = model(quiet());

        VisionAnalysis console = answer(model, request(Tier.FAST, Optional.of("045496730994"), "a")).analysis();
        VisionAnalysis book = answer(model, request(Tier.FAST, Optional.of("9780141036144"), "b")).analysis();

        assertThat(console.title()).isEqualTo("Nintendo Game Boy Color Handheld Console Atomic Purple CGB-001");
        assertThat(console.gtin()).contains("045496730994");
        assertThat(console.confidence()).isBetween(0.88, 0.97);
        assertThat(book.brand()).isEqualTo("Penguin");
        assertThat(book.itemSpecifics()).containsEntry("Author", "George Orwell");
        assertThat(book.searchQuery()).contains("book");
    }

    @Test
    void photosItKnowsNothingAboutAreAPlainUnbrandedItemNeverASample() {
        SimulatedVisionModel model = model(quiet());

        List<VisionAnalysis> unknown = IntStream.range(0, 60)
                .mapToObj(i -> answer(model, request(Tier.FAST, "unknown-" + i)).analysis()).toList();
        VisionAnalysis unknownBarcode = answer(model, request(Tier.FAST, Optional.of("5012345678900"), "c")).analysis();

        assertThat(unknown).allSatisfy(analysis -> assertThat(analysis.brand()).isEqualTo("Unbranded"));
        assertThat(unknown).extracting(VisionAnalysis::model).hasSizeGreaterThan(3);
        assertThat(unknownBarcode.brand()).isEqualTo("Unbranded");
        assertThat(unknownBarcode.gtin()).contains("5012345678900");
    }

    @Test
    void titlesSayNoWordTwiceAndLeaveTheConditionToItsField() {
        SimulatedVisionModel model = model(quiet());

        List<VisionAnalysis> analyses = new java.util.ArrayList<>();
        Product.CATALOGUE.forEach(p -> analyses.add(answer(model, request(Tier.FAST, p.gtin(), p.title())).analysis()));
        IntStream.range(0, 30).forEach(i -> analyses.add(answer(model, request(Tier.FAST, "g" + i)).analysis()));

        assertThat(analyses).allSatisfy(analysis -> {
            var draft = dev.boomer.domain.listing.ListingComposer.fitTitle(analysis.title());
            assertThat(draft).isEqualTo(analysis.title()).doesNotContainIgnoringCase(" - ")
                    .doesNotContainIgnoringCase("used");
            String[] words = analysis.title().toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+");
            assertThat(java.util.Arrays.stream(words).filter(w -> w.length() >= 3).toList()).doesNotHaveDuplicates();
        });
    }

    @Test
    void anEstimateIsARangeFromTheItemsWordsPaidForAsAFastCall() {
        SimulatedVisionModel model = model(quiet());
        VisionAnalysis analysis = answer(model, request(Tier.FAST, "x")).analysis();
        var request = new dev.boomer.domain.market.PriceEstimator.EstimateRequest(ItemId.random(), analysis,
                java.util.Currency.getInstance("USD"), dev.boomer.domain.item.Priority.NORMAL);

        var first = model.estimate(request);
        var again = model.estimate(request);

        assertThat(first.estimate()).isEqualTo(again.estimate()).hasValueSatisfying(estimate -> {
            assertThat(estimate.low()).isLessThan(estimate.median());
            assertThat(estimate.high()).isGreaterThan(estimate.median());
            assertThat(estimate.median().currency().getCurrencyCode()).isEqualTo("USD");
        });
        assertThat(first.call().tier()).isEqualTo(Tier.FAST);
        assertThat(first.call().usage().inputTokens()).isEqualTo(model.worstCase(request).inputTokens());
        assertThat(first.call().usage().outputTokens()).isLessThanOrEqualTo(model.worstCase(request).outputTokens());
    }

    private SimulatedVisionModel model(SimulatedVisionConfig config) {
        return new SimulatedVisionModel(config, "claude-haiku-4-5", "claude-sonnet-4-5", clock);
    }

    /** No faults, no latency. */
    private static SimulatedVisionConfig quiet() {
        return faults(0, 0, 0);
    }

    private static SimulatedVisionConfig faults(double errorRate, double rateLimitRate, double malformedRate) {
        return faults(errorRate, rateLimitRate, 0, malformedRate);
    }

    private static SimulatedVisionConfig faults(double errorRate, double rateLimitRate, double lostRate,
                                                double malformedRate) {
        return new SimulatedVisionConfig(Duration.ZERO, Duration.ZERO, 0.3, 1024, errorRate, rateLimitRate,
                Duration.ofSeconds(2), lostRate, 0, Duration.ofSeconds(30), malformedRate, Duration.ZERO,
                Duration.ofMinutes(1), 42);
    }

    private static VisionResponse answer(SimulatedVisionModel model, VisionRequest request) {
        return (VisionResponse) model.analyze(request);
    }

    private static VisionRequest request(Tier tier, String... photos) {
        return request(tier, Optional.empty(), photos);
    }

    private static VisionRequest request(Tier tier, Optional<String> gtin, String... photos) {
        List<VisionImage> images = Arrays.stream(photos).map(p -> new VisionImage(
                new Photo(ContentHash.of(p.getBytes()), "image/jpeg", 1568, 1176, 100), new byte[100])).toList();
        return new VisionRequest(ItemId.random(), tier, images, gtin);
    }
}
