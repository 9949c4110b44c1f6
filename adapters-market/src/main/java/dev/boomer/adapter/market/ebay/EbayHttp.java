package dev.boomer.adapter.market.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.boomer.domain.provider.ProviderRejected;
import dev.boomer.domain.provider.ProviderUnavailable;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends a request to eBay and reads its JSON answer, turning eBay's failures into typed faults: retryable
 * ({@link ProviderUnavailable}) for rate limits, server errors and network trouble, not retryable
 * ({@link ProviderRejected}) for requests eBay will never take. Only this class reads HTTP statuses.
 */
final class EbayHttp {

    static final String PROVIDER = "ebay";
    static final int UNAUTHORIZED = 401;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 300;

    private final HttpClient http;

    EbayHttp(EbayConfig config) {
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The status and the JSON body (a missing node when there is none, or it is not JSON). */
    record Answer(int status, JsonNode body, Optional<Duration> retryAfter) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    Answer send(HttpRequest request, String what) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Optional<Duration> retryAfter = response.headers().firstValue("retry-after").flatMap(EbayHttp::seconds);
            return new Answer(response.statusCode(), parse(response.body()), retryAfter);
        } catch (HttpTimeoutException e) {
            throw new ProviderUnavailable(PROVIDER, "timeout", what + " timed out", Optional.empty());
        } catch (IOException e) {
            throw new ProviderUnavailable(PROVIDER, "network", what + " failed: " + e.getMessage(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable(PROVIDER, "interrupted", what + " was interrupted", Optional.empty());
        }
    }

    /** eBay's answer to a failed request as a fault, with eBay's own words for it. */
    static RuntimeException failure(String what, Answer answer) {
        String message = what + ": " + answer.status() + " " + message(answer.body());
        int status = answer.status();
        if (status == 429) {
            return new ProviderUnavailable(PROVIDER, "rate_limited", message, answer.retryAfter());
        }
        if (status >= 500) {
            return new ProviderUnavailable(PROVIDER, "server_error", message, answer.retryAfter());
        }
        return switch (status) {
            case 401 -> new ProviderRejected(PROVIDER, "unauthorized",
                    message + " (check EBAY_CLIENT_ID and EBAY_CLIENT_SECRET)");
            case 403 -> new ProviderRejected(PROVIDER, "forbidden", message + " (is the keyset allowed this API?)");
            case 400 -> new ProviderRejected(PROVIDER, "bad_request", message);
            default -> new ProviderRejected(PROVIDER, "http_" + status, message);
        };
    }

    /**
     * eBay's APIs say what went wrong as {@code {"errors":[{"errorId","message",...}]}}, its OAuth service
     * as {@code {"error","error_description"}}.
     */
    static String message(JsonNode body) {
        JsonNode first = body.path("errors").path(0);
        String text;
        if (!first.isMissingNode()) {
            text = first.path("message").asText("") + " (errorId " + first.path("errorId").asText("?") + ")";
        } else if (body.has("error")) {
            text = body.path("error").asText("") + ": " + body.path("error_description").asText("");
        } else {
            text = "no error details";
        }
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "..." : text;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
