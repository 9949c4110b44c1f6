package dev.boomer.demo;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The first admin's credentials (env {@code BOOMER_BOOTSTRAP_ADMIN_PASSWORD}, {@code BOOMER_BOOTSTRAP_TOKEN}).
 * When unset, random ones are generated and printed once.
 */
@ConfigurationProperties("boomer.bootstrap")
public record BootstrapProperties(@Nullable String adminPassword, @Nullable String token) {
}
