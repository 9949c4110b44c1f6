package dev.boomer.api;

import java.util.Map;

/**
 * Every API error has this shape: a stable code to branch on, a message for people, and for invalid input
 * the message per field ({@code fields}, left out when there is none).
 */
public record ApiError(String error, String message, Map<String, String> fields) {

    public ApiError(String error, String message) {
        this(error, message, null);
    }
}
