package dev.boomer.demo;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The first admin's credentials (env {@code BOOMER_BOOTSTRAP_ADMIN_PASSWORD}, {@code BOOMER_BOOTSTRAP_TOKEN}).
 * When unset, random ones are generated and written to {@link AdminCredentialsFile}, never to the log.
 *
 * @param resetAdminPassword on every start while true, {@code admin} gets a new password: the configured
 *                           one, else a random one in the credentials file (for a lost admin password)
 */
@ConfigurationProperties("boomer.bootstrap")
public record BootstrapProperties(@Nullable String adminPassword, @Nullable String token,
                                  @Bindable(defaultValue = "false") boolean resetAdminPassword) {
}
