package dev.boomer.jobs;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * @param pollInterval how often JobRunr looks for work in PostgreSQL (5 s is its minimum for SQL storage)
 * @param workers      JobRunr workers on this instance, and the number of items started at once locally
 * @param instantStart start a new item at once on this instance when a worker is free, instead of waiting
 *                     for the next poll; the durable job stays the safety net
 * @param reconcileInterval how often unfinished items without a live job are looked for, and how overdue
 *                     a waiting item must be to count as one
 */
@ConfigurationProperties("boomer.jobs")
public record JobsProperties(
        @Bindable(defaultValue = "PT5S") @NotNull Duration pollInterval,
        @Bindable(defaultValue = "16") @Min(1) @Max(1000) int workers,
        @Bindable(defaultValue = "true") boolean instantStart,
        @Bindable(defaultValue = "true") boolean serverEnabled,
        @Bindable(defaultValue = "PT1M") @NotNull Duration reconcileInterval) {
}
