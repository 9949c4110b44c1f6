package dev.boomer.api;

/** Every API error has this shape: a stable code to branch on, a message for people. */
public record ApiError(String error, String message) {
}
