package dev.boomer.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boomer.domain.security.SigningKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SigningKeys} does. */
public abstract class SigningKeysContract {

    private SigningKeys keys;

    protected abstract SigningKeys createKeys();

    @BeforeEach
    void createSigningKeys() {
        keys = createKeys();
    }

    @Test
    void aPurposeKeepsItsKeyAndEveryPurposeHasItsOwn() {
        byte[] links = keys.key("photo-links");

        assertThat(links).hasSizeGreaterThanOrEqualTo(32);
        assertThat(keys.key("photo-links")).isEqualTo(links);
        assertThat(keys.key("something-else")).isNotEqualTo(links);
    }

    @Test
    void changingTheReturnedArrayDoesNotChangeTheKey() {
        byte[] key = keys.key("photo-links");
        byte[] copy = key.clone();
        key[0]++;

        assertThat(keys.key("photo-links")).isEqualTo(copy);
    }
}
