package dev.boomer.demo;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DemoModeTest {

    private static final Optional<String> REAL_DATABASE = Optional.of("jdbc:postgresql://db.internal/boomer");

    @Test
    void unaskedDemoModeIsOnOnlyWithTheEmbeddedDatabaseAndTheSimulatedProvider() {
        assertThat(DemoData.enabled(Optional.empty(), Optional.empty(), Optional.empty())).isTrue();
        assertThat(DemoData.enabled(Optional.empty(), Optional.empty(), Optional.of("simulated"))).isTrue();
        assertThat(DemoData.enabled(Optional.empty(), REAL_DATABASE, Optional.empty()))
                .as("demo accounts with a published password on a real database").isFalse();
        assertThat(DemoData.enabled(Optional.empty(), Optional.empty(), Optional.of("anthropic")))
                .as("demo items paid for on a real provider").isFalse();
    }

    @Test
    void askedForItIsAsSaid() {
        assertThat(DemoData.enabled(Optional.of(true), REAL_DATABASE, Optional.of("openai"))).isTrue();
        assertThat(DemoData.enabled(Optional.of(false), Optional.empty(), Optional.empty())).isFalse();
    }
}
