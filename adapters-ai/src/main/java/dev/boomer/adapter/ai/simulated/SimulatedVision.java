package dev.boomer.adapter.ai.simulated;

import jakarta.inject.Singleton;

import java.time.Clock;

/** Makes the simulated provider from its configuration; the factory picks it when no real provider is chosen. */
@Singleton
public final class SimulatedVision {

    public static final String PROVIDER = SimulatedVisionModel.PROVIDER;

    private final SimulatedVisionConfig config;

    SimulatedVision(SimulatedVisionConfig config) {
        this.config = config;
    }

    public SimulatedVisionModel model(String fastModel, String smartModel) {
        return new SimulatedVisionModel(config, fastModel, smartModel, Clock.systemUTC());
    }
}
