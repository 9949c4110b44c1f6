package dev.boomer.security;

import dev.boomer.domain.security.Redactor;
import dev.boomer.logging.LogRedaction;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one {@link Redactor}: credential shapes, plus the values of every configured property that holds a
 * secret (provider API keys, the bootstrap password and token, database passwords), whatever their shape.
 * The log takes the same redactor, so no line shows what a page would not.
 */
@Factory
class ConfiguredSecrets {

    /** Property names (in any of Micronaut's spellings) whose values are secrets. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(api[-_.]?key|secret[-_.]?key|password|token|secret)$");

    @Singleton
    Redactor redactor(Environment environment) {
        Set<String> secrets = new HashSet<>();
        for (PropertySource source : environment.getPropertySources()) {
            for (String name : source) {
                if (SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
                    environment.getProperty(name, String.class).ifPresent(secrets::add);
                }
            }
        }
        Redactor redactor = Redactor.withSecrets(secrets);
        LogRedaction.use(redactor);
        return redactor;
    }
}
