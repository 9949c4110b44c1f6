package dev.boomer.adapter.ai.vision;

import dev.boomer.domain.vision.Tier;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code boomer.vision.<provider>.*}: where a provider is, how to authenticate, how long to wait, how much
 * it may answer, and which model serves each tier.
 *
 * @param apiKey          empty for providers that need none (Ollama); never logged or rendered
 * @param connectTimeout  how long to wait for a connection
 * @param requestTimeout  how long to wait for the whole answer
 * @param maxOutputTokens the {@code max_tokens} sent; bounds the worst case a budget reserves
 */
public record ProviderSettings(
        String provider, URI baseUrl, Optional<String> apiKey, Duration connectTimeout, Duration requestTimeout,
        int maxOutputTokens, String fastModel, String smartModel) {

    public ProviderSettings {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(fastModel, "fastModel");
        Objects.requireNonNull(smartModel, "smartModel");
        if (maxOutputTokens < 1) {
            throw new IllegalArgumentException("max-output-tokens must be at least 1");
        }
    }

    public String modelFor(Tier tier) {
        return tier == Tier.FAST ? fastModel : smartModel;
    }

    /** The key, which the provider needs; its absence was refused at startup. */
    public String requiredApiKey() {
        return apiKey.orElseThrow(() -> new IllegalStateException(provider + " has no API key"));
    }

    /** The base URL with a path appended, whether or not the configured URL ends in a slash. */
    public URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    /** For logs and the console: everything but the key. */
    @Override
    public String toString() {
        return provider + "[" + baseUrl + ", fast=" + fastModel + ", smart=" + smartModel + ", key="
                + (apiKey.isPresent() ? "set" : "none") + "]";
    }
}
