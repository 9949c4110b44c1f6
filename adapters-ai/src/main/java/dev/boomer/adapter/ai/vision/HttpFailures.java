package dev.boomer.adapter.ai.vision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.boomer.domain.provider.ProviderRejected;
import dev.boomer.domain.provider.ProviderUnavailable;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a provider's error answer into a typed fault: retryable ({@link ProviderUnavailable}, with the wait
 * the provider asked for) or not ({@link ProviderRejected}). Only this layer reads HTTP statuses.
 */
public final class HttpFailures {

    private static final Pattern SECONDS = Pattern.compile("(\\d+(?:\\.\\d+)?)s");
    /** A 429 that no wait will cure: the account is out of credit or past its spend limit. */
    private static final Pattern SPEND_LIMIT = Pattern.compile(
            "insufficient_quota|spend(ing)? limit|credit balance|billing", Pattern.CASE_INSENSITIVE);
    private static final int MAX_MESSAGE = 300;

    private HttpFailures() {
    }

    public static RuntimeException of(String provider, int status, HttpHeaders headers, JsonNode body, Clock clock) {
        String message = status + " " + message(body);
        if (status == 429 && SPEND_LIMIT.matcher(body.toString()).find()) {
            return new ProviderRejected(provider, "spend_limit", message);
        }
        return switch (status) {
            case 429 -> new ProviderUnavailable(provider, "rate_limited", message, retryAfter(headers, body, clock));
            case 529 -> new ProviderUnavailable(provider, "overloaded", message, retryAfter(headers, body, clock));
            case 408 -> new ProviderUnavailable(provider, "timeout", message, retryAfter(headers, body, clock));
            case 400 -> new ProviderRejected(provider, "bad_request", message);
            case 401 -> new ProviderRejected(provider, "unauthorized", message + " (check the API key)");
            case 403 -> new ProviderRejected(provider, "forbidden", message);
            case 404 -> new ProviderRejected(provider, "not_found", message + " (check the model name and base URL)");
            case 413 -> new ProviderRejected(provider, "too_large", message);
            default -> status >= 500
                    ? new ProviderUnavailable(provider, "server_error", message, retryAfter(headers, body, clock))
                    : new ProviderRejected(provider, "http_" + status, message);
        };
    }

    /**
     * The provider's requested wait: {@code retry-after-ms}, {@code retry-after} in seconds or as an HTTP
     * date, or Google's {@code RetryInfo.retryDelay} ("37s") in the body.
     */
    static Optional<Duration> retryAfter(HttpHeaders headers, JsonNode body, Clock clock) {
        Optional<String> millis = headers.firstValue("retry-after-ms");
        if (millis.isPresent()) {
            try {
                return Optional.of(Duration.ofMillis((long) Double.parseDouble(millis.get().strip())));
            } catch (NumberFormatException ignored) {
                // fall through to the standard header
            }
        }
        Optional<String> header = headers.firstValue("retry-after").map(String::strip);
        if (header.isPresent()) {
            try {
                return Optional.of(Duration.ofMillis((long) (Double.parseDouble(header.get()) * 1000)));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(header.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration wait = Duration.between(clock.instant(), at);
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException ignored) {
                    return Optional.empty();
                }
            }
        }
        JsonNode delay = body.findValue("retryDelay");
        if (delay != null && delay.isTextual()) {
            Matcher m = SECONDS.matcher(delay.asText());
            if (m.matches()) {
                return Optional.of(Duration.ofMillis((long) (Double.parseDouble(m.group(1)) * 1000)));
            }
        }
        return Optional.empty();
    }

    /** The provider's own words, from the error shapes the four providers use, shortened. */
    static String message(JsonNode body) {
        JsonNode error = body.path("error");
        String text = error.isTextual() ? error.asText()
                : error.path("message").isTextual() ? error.path("message").asText()
                : body.path("message").asText(body.isMissingNode() || body.isNull() ? "" : body.toString());
        String type = error.path("type").isTextual() ? error.path("type").asText()
                : error.path("status").asText("");
        String combined = (type.isEmpty() ? "" : type + ": ") + text;
        combined = combined.replaceAll("\\s+", " ").strip();
        return combined.length() <= MAX_MESSAGE ? combined : combined.substring(0, MAX_MESSAGE) + "...";
    }
}
