package dev.boomer.adapter.ai.simulated;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code boomer.vision.simulated.*}: the simulated provider imitates Anthropic (its model names, token
 * counting, prompt caching and prices), answers deterministically from the photos, and can be made slow or
 * faulty. Its tier models are {@code boomer.vision.simulated.models.fast/.smart}, as for every provider.
 *
 * @param fastLatency     median latency of a FAST call (0 in tests and benchmarks)
 * @param smartLatency    median latency of a SMART call
 * @param latencySigma    spread of the log-normal latency: 0 is fixed, 0.3 puts p95 near 1.6 x the median
 * @param maxOutputTokens the {@code max_tokens} a real call would send; bounds the worst case
 * @param errorRate       share of calls failing as "overloaded" (529, retryable)
 * @param rateLimitRate   share of calls answered with a 429 and {@code retryAfter}
 * @param retryAfter      the wait a simulated 429 asks for
 * @param lostRate        share of calls sent whose answer never comes (a timeout after sending): they may be
 *                        billed, so they are charged as estimates
 * @param slowRate        share of calls that take {@code slowLatency} instead
 * @param slowLatency     how long a slow call takes
 * @param malformedRate   share of answers that are not JSON, even after the repair request (both are paid)
 * @param outageEvery     a full outage (503) starts at every multiple of this since the epoch; 0 for none
 * @param outageLength    how long each outage lasts
 * @param seed            seeds the failure and latency draws, so a run can be repeated
 */
@ConfigurationProperties("boomer.vision.simulated")
record SimulatedVisionConfig(
        @Bindable(defaultValue = "PT0S") @NotNull Duration fastLatency,
        @Bindable(defaultValue = "PT0S") @NotNull Duration smartLatency,
        @Bindable(defaultValue = "0.3") @DecimalMin("0") @DecimalMax("2") double latencySigma,
        @Bindable(defaultValue = "1024") @Min(1) int maxOutputTokens,
        @Bindable(defaultValue = "0") @DecimalMin("0") @DecimalMax("1") double errorRate,
        @Bindable(defaultValue = "0") @DecimalMin("0") @DecimalMax("1") double rateLimitRate,
        @Bindable(defaultValue = "PT2S") @NotNull Duration retryAfter,
        @Bindable(defaultValue = "0") @DecimalMin("0") @DecimalMax("1") double lostRate,
        @Bindable(defaultValue = "0") @DecimalMin("0") @DecimalMax("1") double slowRate,
        @Bindable(defaultValue = "PT30S") @NotNull Duration slowLatency,
        @Bindable(defaultValue = "0") @DecimalMin("0") @DecimalMax("1") double malformedRate,
        @Bindable(defaultValue = "PT0S") @NotNull Duration outageEvery,
        @Bindable(defaultValue = "PT1M") @NotNull Duration outageLength,
        @Bindable(defaultValue = "42") long seed) {
}
