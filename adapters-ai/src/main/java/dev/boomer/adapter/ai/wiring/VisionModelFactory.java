package dev.boomer.adapter.ai.wiring;

import dev.boomer.adapter.ai.anthropic.AnthropicDialect;
import dev.boomer.adapter.ai.guard.GuardConfig;
import dev.boomer.adapter.ai.guard.GuardedVisionModel;
import dev.boomer.adapter.ai.gemini.GeminiDialect;
import dev.boomer.adapter.ai.ollama.OllamaDialect;
import dev.boomer.adapter.ai.openai.OpenAiDialect;
import dev.boomer.adapter.ai.simulated.SimulatedVision;
import dev.boomer.adapter.ai.vision.Dialect;
import dev.boomer.adapter.ai.vision.HttpVisionModel;
import dev.boomer.adapter.ai.vision.ProviderSettings;
import dev.boomer.domain.market.PriceEstimator;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.VisionModel;
import dev.boomer.resilience.BreakerSettings;
import dev.boomer.resilience.BucketStore;
import dev.boomer.resilience.GuardListener;
import dev.boomer.resilience.Headroom;
import dev.boomer.resilience.Limits;
import dev.boomer.resilience.ProviderGuard;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.context.exceptions.DisabledBeanException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Builds the one vision provider {@code boomer.vision.provider} names, at startup, so that a missing key or
 * a misspelt provider stops the server with a message that names the setting instead of failing an item.
 */
@Factory
class VisionModelFactory {

    static final String PROVIDER_KEY = "boomer.vision.provider";

    /**
     * Where each provider is by default, the environment variable its key comes from, its tier models, and
     * the limits of its lowest paid tier for them (docs/resilience.md says which).
     */
    private record Defaults(String provider, String baseUrl, Optional<String> keyVariable, int maxOutputTokens,
                            String fastModel, String smartModel, Function<ProviderSettings, Dialect> dialect,
                            Limits limits) {
    }

    /* Anthropic Tier 1 (Claude Sonnet 4.x, the stricter of the two tiers; the simulated provider imitates it). */
    private static final Limits ANTHROPIC_TIER_1 = new Limits(50, 30_000, 8_000, 0, 16);

    private static final List<Defaults> PROVIDERS = List.of(
            new Defaults(AnthropicDialect.PROVIDER, "https://api.anthropic.com", Optional.of("ANTHROPIC_API_KEY"),
                    1024, "claude-haiku-4-5", "claude-sonnet-4-5", AnthropicDialect::new, ANTHROPIC_TIER_1),
            new Defaults(OpenAiDialect.PROVIDER, "https://api.openai.com", Optional.of("OPENAI_API_KEY"),
                    1024, "gpt-4.1-mini", "gpt-4.1", OpenAiDialect::new, new Limits(500, 30_000, 0, 0, 16)),
            new Defaults(GeminiDialect.PROVIDER, "https://generativelanguage.googleapis.com",
                    Optional.of("GEMINI_API_KEY"), 4096, "gemini-2.5-flash-lite", "gemini-2.5-flash",
                    GeminiDialect::new, new Limits(1_000, 1_000_000, 0, 0, 16)),
            new Defaults(OllamaDialect.PROVIDER, "http://localhost:11434", Optional.empty(),
                    1024, "qwen2.5vl:7b", "qwen2.5vl:32b", OllamaDialect::new, new Limits(0, 0, 0, 0, 1)));

    /**
     * @param buckets  where rate-limit buckets live (shared by instances when the composition root has a
     *                 shared store); in this process when there is none
     * @param listener where the guards report calls, waits and breaker changes
     */
    /**
     * The market's last resort, the FAST model's price estimate, where the provider gives one (the simulated
     * provider does; the HTTP providers not yet), through the same guards as its vision calls.
     */
    @Singleton
    PriceEstimator priceEstimator(VisionModel vision) {
        if (vision instanceof GuardedVisionModel guarded && guarded.estimates()) {
            return guarded;
        }
        throw new DisabledBeanException("the vision provider " + vision.provider() + " gives no price estimates");
    }

    @Context
    VisionModel visionModel(PropertyResolver config, SimulatedVision simulated, @Nullable BucketStore buckets,
                            @Nullable GuardListener listener) {
        String provider = config.get(PROVIDER_KEY, String.class).orElse(SimulatedVision.PROVIDER).strip();
        Guards guards = new Guards(provider, GuardConfig.breaker(config), GuardConfig.smartLatencyBudget(config),
                GuardConfig.maxQueueWait(config), buckets != null ? buckets : BucketStore.inMemory(),
                listener != null ? listener : GuardListener.NONE);
        if (provider.equals(SimulatedVision.PROVIDER)) {
            VisionModel model = simulated.model(config.get("boomer.vision.simulated.models.fast", String.class)
                            .orElse("claude-haiku-4-5"),
                    config.get("boomer.vision.simulated.models.smart", String.class).orElse("claude-sonnet-4-5"));
            return guards.around(model, GuardConfig.limits(config, "boomer.vision.simulated.limits", ANTHROPIC_TIER_1));
        }
        Defaults defaults = PROVIDERS.stream().filter(d -> d.provider().equals(provider)).findFirst()
                .orElseThrow(() -> new ConfigurationException(PROVIDER_KEY + " is \"" + provider
                        + "\"; it must be one of anthropic, openai, gemini, ollama or simulated"));
        ProviderSettings settings = settings(config, defaults);
        Limits limits = GuardConfig.limits(config, "boomer.vision." + provider + ".limits", defaults.limits());
        // the guards exist before the model, so that its rate-limit headers reach them
        VisionModel model = new HttpVisionModel(defaults.dialect().apply(settings), settings, Clock.systemUTC(),
                guards::observed);
        return guards.around(model, limits);
    }

    /**
     * One guard per tier model: a model both tiers use shares one (FAST's, without SMART's latency budget).
     * The SMART model's breaker also counts answers slower than its latency budget.
     */
    private static final class Guards {
        private final String provider;
        private final BreakerSettings breaker;
        private final Duration smartLatencyBudget;
        private final Duration maxQueueWait;
        private final BucketStore buckets;
        private final GuardListener listener;
        private final Map<String, ProviderGuard> byModel = new ConcurrentHashMap<>();

        Guards(String provider, BreakerSettings breaker, Duration smartLatencyBudget, Duration maxQueueWait,
               BucketStore buckets, GuardListener listener) {
            this.provider = provider;
            this.breaker = breaker;
            this.smartLatencyBudget = smartLatencyBudget;
            this.maxQueueWait = maxQueueWait;
            this.buckets = buckets;
            this.listener = listener;
        }

        GuardedVisionModel around(VisionModel model, Limits limits) {
            Map<Tier, ProviderGuard> guards = new EnumMap<>(Tier.class);
            for (Tier tier : List.of(Tier.FAST, Tier.SMART)) {
                BreakerSettings settings = tier == Tier.SMART ? breaker.withLatencyBudget(smartLatencyBudget) : breaker;
                guards.put(tier, byModel.computeIfAbsent(model.modelFor(tier), name -> new ProviderGuard(provider,
                        name, limits, settings, maxQueueWait, buckets, Clock.systemUTC(), listener)));
            }
            return new GuardedVisionModel(model, guards);
        }

        /** A model's answer told what is left of its rate limits. */
        void observed(String model, List<Headroom> headroom) {
            ProviderGuard guard = byModel.get(model);
            if (guard != null) {
                guard.observe(headroom);
            }
        }
    }

    static ProviderSettings settings(PropertyResolver config, Defaults defaults) {
        String prefix = "boomer.vision." + defaults.provider() + ".";
        URI baseUrl = baseUrl(prefix + "base-url", config.get(prefix + "base-url", String.class)
                .orElse(defaults.baseUrl()));
        Optional<String> apiKey = config.get(prefix + "api-key", String.class).map(String::strip)
                .filter(key -> !key.isEmpty());
        if (defaults.keyVariable().isPresent() && apiKey.isEmpty()) {
            throw new ConfigurationException(prefix + "api-key is not set: set the environment variable "
                    + defaults.keyVariable().get() + " (or " + prefix + "api-key) to use " + PROVIDER_KEY + "="
                    + defaults.provider());
        }
        return new ProviderSettings(defaults.provider(), baseUrl, apiKey,
                config.get(prefix + "connect-timeout", Duration.class).orElse(Duration.ofSeconds(10)),
                config.get(prefix + "request-timeout", Duration.class).orElse(Duration.ofSeconds(120)),
                config.get(prefix + "max-output-tokens", Integer.class).orElse(defaults.maxOutputTokens()),
                config.get(prefix + "models.fast", String.class).orElse(defaults.fastModel()),
                config.get(prefix + "models.smart", String.class).orElse(defaults.smartModel()));
    }

    private static URI baseUrl(String key, String value) {
        try {
            URI uri = URI.create(value.strip());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(key + " must be an http(s) URL, not \"" + value + "\"");
        }
    }
}
