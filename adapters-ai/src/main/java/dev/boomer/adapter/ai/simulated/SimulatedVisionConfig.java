package dev.boomer.adapter.ai.simulated;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code boomer.vision.simulated.*}: the simulated provider imitates Anthropic (its model names, image
 * token formula and prices), answers deterministically from the photos, and can be made slow or faulty.
 *
 * @param fastModel       model name reported for the FAST tier
 * @param smartModel      model name reported for the SMART tier
 * @param fastLatency     mean latency of a FAST call (0 in tests and benchmarks)
 * @param smartLatency    mean latency of a SMART call
 * @param jitter          latency varies by up to this fraction either way
 * @param maxOutputTokens the {@code max_tokens} a real call would send; bounds the worst case
 * @param errorRate       share of calls failing as "overloaded" (retryable)
 * @param rateLimitRate   share of calls answered with a 429 and {@code retryAfter}
 * @param retryAfter      the wait a simulated 429 asks for
 * @param seed            seeds the failure and latency draws, so a run can be repeated
 */
@ConfigurationProperties("boomer.vision.simulated")
record SimulatedVisionConfig(
        @Bindable(defaultValue = "claude-haiku-4-5") @NotBlank String fastModel,
        @Bindable(defaultValue = "claude-sonnet-4-5") @NotBlank String smartModel,
        @Bindable(defaultValue = "PT0S") @NotNull Duration fastLatency,
        @Bindable(defaultValue = "PT0S") @NotNull Duration smartLatency,
        @Bindable(defaultValue = "0.3") @DecimalMin("0") @DecimalMax("1") double jitter,
        @Bindable(defaultValue = "1024") @Min(1) int maxOutputTokens,
        @Bindable(defaultValue = "0") @DecimalMin("0") @DecimalMax("1") double errorRate,
        @Bindable(defaultValue = "0") @DecimalMin("0") @DecimalMax("1") double rateLimitRate,
        @Bindable(defaultValue = "PT2S") @NotNull Duration retryAfter,
        @Bindable(defaultValue = "42") long seed) {
}
