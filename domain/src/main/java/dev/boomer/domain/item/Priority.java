package dev.boomer.domain.item;

/** Applied where capacity is scarce: provider permits admit URGENT before NORMAL before ECONOMY. */
public enum Priority {
    URGENT,
    NORMAL,
    ECONOMY
}
