package dev.boomer.security;

import dev.boomer.application.security.SignInThrottle;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/** {@code boomer.security.throttle.*}: how failed sign-ins and API tokens are slowed (see SignInThrottle). */
@ConfigurationProperties("boomer.security.throttle")
record ThrottleProperties(
        @Bindable(defaultValue = "3") @Min(0) int freeFailures,
        @Bindable(defaultValue = "20") @Min(0) int freeAddressFailures,
        @Bindable(defaultValue = "1s") Duration firstDelay,
        @Bindable(defaultValue = "15m") Duration maxDelay,
        @Bindable(defaultValue = "1h") Duration forgetAfter) {

    SignInThrottle.Settings toSettings() {
        return new SignInThrottle.Settings(freeFailures, freeAddressFailures, firstDelay, maxDelay, forgetAfter);
    }
}
