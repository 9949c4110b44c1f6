package dev.boomer.adapter.ai.vision;

import dev.boomer.resilience.Headroom;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a provider's answer says is left of its rate limits, so that the guard slows down before a
 * 429. A header that is missing or malformed is skipped: the configured limits still hold.
 */
public final class RateLimitHeaders {

    /** OpenAI's reset durations: "20ms", "1s", "6m0s", "1h2m3.5s". */
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    private RateLimitHeaders() {
    }

    /**
     * Anthropic: {@code anthropic-ratelimit-{requests,input-tokens,output-tokens}-remaining} with an RFC 3339
     * {@code -reset} time each.
     */
    public static List<Headroom> anthropic(HttpHeaders headers) {
        List<Headroom> left = new ArrayList<>();
        anthropic(headers, "requests", Headroom.Kind.REQUESTS).ifPresent(left::add);
        anthropic(headers, "input-tokens", Headroom.Kind.INPUT_TOKENS).ifPresent(left::add);
        anthropic(headers, "output-tokens", Headroom.Kind.OUTPUT_TOKENS).ifPresent(left::add);
        return left;
    }

    /**
     * OpenAI: {@code x-ratelimit-remaining-{requests,tokens}} with a {@code x-ratelimit-reset-*} duration
     * each; its token limit counts input and output together, so it is taken as the input-token limit.
     */
    public static List<Headroom> openAi(HttpHeaders headers, Clock clock) {
        List<Headroom> left = new ArrayList<>();
        openAi(headers, "requests", Headroom.Kind.REQUESTS, clock).ifPresent(left::add);
        openAi(headers, "tokens", Headroom.Kind.INPUT_TOKENS, clock).ifPresent(left::add);
        return left;
    }

    private static Optional<Headroom> anthropic(HttpHeaders headers, String limit, Headroom.Kind kind) {
        String prefix = "anthropic-ratelimit-" + limit;
        Optional<Long> remaining = number(headers, prefix + "-remaining");
        Optional<Instant> reset = headers.firstValue(prefix + "-reset").flatMap(RateLimitHeaders::instant);
        return remaining.isPresent() && reset.isPresent()
                ? Optional.of(new Headroom(kind, remaining.get(), reset.get())) : Optional.empty();
    }

    private static Optional<Headroom> openAi(HttpHeaders headers, String limit, Headroom.Kind kind, Clock clock) {
        Optional<Long> remaining = number(headers, "x-ratelimit-remaining-" + limit);
        Optional<Duration> reset = headers.firstValue("x-ratelimit-reset-" + limit).flatMap(RateLimitHeaders::duration);
        return remaining.isPresent() && reset.isPresent()
                ? Optional.of(new Headroom(kind, remaining.get(), clock.instant().plus(reset.get()))) : Optional.empty();
    }

    private static Optional<Long> number(HttpHeaders headers, String name) {
        try {
            return headers.firstValue(name).map(String::strip).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(String value) {
        try {
            return Optional.of(Instant.parse(value.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<Duration> duration(String value) {
        String text = value.strip();
        Matcher part = DURATION_PART.matcher(text);
        double millis = 0;
        int end = 0;
        while (part.find()) {
            if (part.start() != end) {
                return Optional.empty();
            }
            double amount = Double.parseDouble(part.group(1));
            millis += amount * switch (part.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                default -> 3_600_000;
            };
            end = part.end();
        }
        return end > 0 && end == text.length() ? Optional.of(Duration.ofMillis((long) millis)) : Optional.empty();
    }
}
