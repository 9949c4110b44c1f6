package dev.boomer.adapter.ai.vision;

import dev.boomer.resilience.Headroom;

import java.util.List;

/** Where a provider model's rate-limit headroom goes after each answer: its guard. */
@FunctionalInterface
public interface HeadroomListener {

    HeadroomListener NONE = (model, headroom) -> { };

    void observed(String model, List<Headroom> headroom);
}
