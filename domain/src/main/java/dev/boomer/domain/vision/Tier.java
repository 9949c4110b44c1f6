package dev.boomer.domain.vision;

/** Model tiers: cheap first, escalate when confidence is low. Names per provider come from config. */
public enum Tier {
    FAST,
    SMART
}
