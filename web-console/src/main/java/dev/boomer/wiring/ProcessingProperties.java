package dev.boomer.wiring;

import dev.boomer.application.processing.RetryPolicy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;
import java.util.Optional;

@ConfigurationProperties("boomer.processing")
public record ProcessingProperties(
        @Bindable(defaultValue = "PT2M") @NotNull Duration lease,
        @Bindable(defaultValue = "p1") @NotBlank String promptVersion,
        @Bindable(defaultValue = "0.6") @DecimalMin("0") @DecimalMax("1") double escalateBelow,
        @Bindable(defaultValue = "0.5") @DecimalMin("0") @DecimalMax("1") double reviewBelow,
        @Bindable(defaultValue = "USD") @NotBlank String currency,
        @Bindable(defaultValue = "8") @Min(1) int maxAttempts,
        @Bindable(defaultValue = "2s") @NotNull Duration retryFirstDelay,
        @Bindable(defaultValue = "10m") @NotNull Duration retryMaxDelay,
        Optional<Duration> heartbeat) {

    RetryPolicy retries() {
        return new RetryPolicy(maxAttempts, retryFirstDelay, retryMaxDelay);
    }
}
