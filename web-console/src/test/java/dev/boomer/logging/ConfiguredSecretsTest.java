package dev.boomer.logging;

import dev.boomer.domain.security.Redactor;
import dev.boomer.testing.TestApp;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every configured secret, whatever its shape, is redacted from reasons, pages and the log. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfiguredSecretsTest implements TestPropertyProvider {

    private static final String ODD_KEY = "proxy-pass-without-any-known-shape";
    private static final String STORE_SECRET = "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY";

    @Inject
    Redactor redactor;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestApp.properties());
        properties.put("boomer.vision.ollama.api-key", ODD_KEY);
        properties.put("boomer.photos.s3.secret-key", STORE_SECRET);
        return properties;
    }

    @Test
    void configuredKeysPasswordsAndTokensAreRedactedEverywhere() {
        String leaky = "proxy said " + ODD_KEY + "; admin " + TestApp.ADMIN_PASSWORD + " token " + TestApp.ADMIN_TOKEN;

        assertThat(redactor.redact(leaky)).isEqualTo("proxy said [redacted]; admin [redacted] token [redacted]");
        assertThat(redactor.redact("signature for " + STORE_SECRET)).isEqualTo("signature for [redacted]");
        assertThat(LogRedaction.clean(leaky + "\nforged")).isEqualTo(
                "proxy said [redacted]; admin [redacted] token [redacted]\\nforged");
    }
}
