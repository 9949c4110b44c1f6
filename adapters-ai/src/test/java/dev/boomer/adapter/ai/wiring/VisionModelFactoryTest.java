package dev.boomer.adapter.ai.wiring;

import dev.boomer.adapter.ai.guard.GuardedVisionModel;
import dev.boomer.adapter.ai.vision.HttpVisionModel;
import dev.boomer.resilience.GuardState;
import dev.boomer.resilience.Limits;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.VisionModel;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The provider is chosen by configuration at startup; a wrong configuration stops startup with its setting named. */
class VisionModelFactoryTest {

    @Test
    void withoutConfigurationTheSimulatedProviderRuns() {
        try (ApplicationContext context = ApplicationContext.run()) {
            VisionModel vision = context.getBean(VisionModel.class);
            assertThat(vision.provider()).isEqualTo("simulated");
            assertThat(vision.modelFor(Tier.FAST)).isEqualTo("claude-haiku-4-5");
            assertThat(vision.endpoint()).isEmpty();
        }
    }

    @Test
    void aProviderIsConfiguredByBaseUrlKeyAndTierModels() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "boomer.vision.provider", "openai",
                "boomer.vision.openai.api-key", "sk-test",
                "boomer.vision.openai.base-url", "http://127.0.0.1:9999/proxy/",
                "boomer.vision.openai.models.fast", "gpt-5-mini"))) {
            VisionModel vision = context.getBean(VisionModel.class);
            assertThat(vision.provider()).isEqualTo("openai");
            assertThat(vision.modelFor(Tier.FAST)).isEqualTo("gpt-5-mini");
            assertThat(vision.modelFor(Tier.SMART)).isEqualTo("gpt-4.1");
            assertThat(vision.endpoint()).contains(URI.create("http://127.0.0.1:9999/proxy/"));
            HttpVisionModel http = (HttpVisionModel) ((GuardedVisionModel) vision).unguarded();
            assertThat(http.settings().resolve("/v1/chat/completions"))
                    .isEqualTo(URI.create("http://127.0.0.1:9999/proxy/v1/chat/completions"));
            assertThat(http.settings().toString()).doesNotContain("sk-test");
        }
    }

    @Test
    void everyProviderRunsBehindGuardsWithItsTierOneLimitsUnlessConfigured() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "boomer.vision.simulated.limits.requests-per-minute", "5",
                "boomer.vision.simulated.limits.max-concurrent", "2"))) {
            GuardedVisionModel vision = (GuardedVisionModel) context.getBean(VisionModel.class);
            assertThat(vision.states()).extracting(GuardState::model)
                    .containsExactlyInAnyOrder("claude-haiku-4-5", "claude-sonnet-4-5");
            assertThat(vision.states()).allSatisfy(state -> {
                assertThat(state.limits()).isEqualTo(new Limits(5, 30_000, 8_000, 0, 2));
                assertThat(state.breaker()).isEqualTo("CLOSED");
            });
        }
        assertThatThrownBy(() -> ApplicationContext.run(Map.of(
                "boomer.vision.simulated.limits.requests-per-minute", "-1")).close())
                .hasStackTraceContaining("boomer.vision.simulated.limits.*: limits must be >= 0");
    }

    @Test
    void everyProviderEstimatesPricesWithItsFastModel() {
        try (ApplicationContext simulated = ApplicationContext.run();
             ApplicationContext anthropic = ApplicationContext.run(Map.of("boomer.vision.provider", "anthropic",
                     "boomer.vision.anthropic.api-key", "sk-ant-test"));
             ApplicationContext ollama = ApplicationContext.run(Map.of("boomer.vision.provider", "ollama"))) {
            assertThat(anthropic.findBean(dev.boomer.domain.market.PriceEstimator.class)).isPresent();
            assertThat(simulated.findBean(dev.boomer.domain.market.PriceEstimator.class)).hasValueSatisfying(
                    estimator -> assertThat(estimator.model()).isEqualTo("claude-haiku-4-5"));
            assertThat(ollama.findBean(dev.boomer.domain.market.PriceEstimator.class)).hasValueSatisfying(
                    estimator -> assertThat(estimator.model()).isEqualTo("qwen2.5vl:7b"));
        }
    }

    @Test
    void anEstimateIsACallOfTheFastModelUnderItsGuard() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "boomer.vision.simulated.limits.requests-per-minute", "1", "boomer.resilience.max-queue-wait", "0s"))) {
            var estimator = context.getBean(dev.boomer.domain.market.PriceEstimator.class);
            var analysis = new dev.boomer.domain.vision.VisionAnalysis("Canon", "AE-1", "Film Cameras",
                    dev.boomer.domain.item.Condition.USED_GOOD, "Canon AE-1 Film Camera", "A camera.", "canon ae-1",
                    java.util.Optional.empty(), Map.of(), 0.9);
            var request = new dev.boomer.domain.market.PriceEstimator.EstimateRequest(
                    dev.boomer.domain.item.ItemId.random(), analysis, java.util.Currency.getInstance("USD"),
                    dev.boomer.domain.item.Priority.NORMAL);

            assertThat(estimator.estimate(request).estimate()).isPresent();
            assertThatThrownBy(() -> estimator.estimate(request))
                    .isInstanceOfSatisfying(dev.boomer.domain.provider.ProviderUnavailable.class,
                            e -> assertThat(e.code()).isEqualTo(dev.boomer.resilience.ProviderGuard.THROTTLED));
        }
    }

    @Test
    void ollamaNeedsNoKey() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("boomer.vision.provider", "ollama"))) {
            assertThat(context.getBean(VisionModel.class).endpoint()).contains(URI.create("http://localhost:11434"));
        }
    }

    @Test
    void aProviderWithoutItsKeyStopsStartupNamingTheSetting() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("boomer.vision.provider", "anthropic")).close())
                .hasStackTraceContaining("boomer.vision.anthropic.api-key is not set")
                .hasStackTraceContaining("ANTHROPIC_API_KEY");
    }

    @Test
    void aMisspeltProviderStopsStartupListingTheChoices() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("boomer.vision.provider", "antropic")).close())
                .hasStackTraceContaining("\"antropic\"; it must be one of anthropic, openai, gemini, ollama or simulated");
    }

    @Test
    void aBaseUrlThatIsNotAnHttpUrlStopsStartup() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("boomer.vision.provider", "gemini",
                "boomer.vision.gemini.api-key", "k", "boomer.vision.gemini.base-url", "localhost:8080")).close())
                .hasStackTraceContaining("boomer.vision.gemini.base-url must be an http(s) URL");
    }
}
