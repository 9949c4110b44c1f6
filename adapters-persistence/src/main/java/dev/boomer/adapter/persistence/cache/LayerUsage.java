package dev.boomer.adapter.persistence.cache;

/** What one layer holds of one namespace: live entries and their stored size. */
record LayerUsage(long entries, long bytes) {
}
