package dev.boomer.adapter.market.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.boomer.domain.provider.ProviderUnavailable;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Application access tokens from eBay's OAuth client-credentials grant, cached until shortly before they
 * expire and shared by every call; one refresh at a time (the others wait for its token, not make their own).
 */
final class EbayAccessTokens {

    static final String TOKEN_PATH = "/identity/v1/oauth2/token";
    static final String SCOPE = "https://api.ebay.com/oauth/api_scope";
    /** A token is renewed this long before eBay says it expires, so that no call carries one that just ran out. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);
    /** A failed grant is the answer for this long: callers queued behind it do not each ask again. */
    static final Duration FAILURE_HOLDS = Duration.ofSeconds(5);

    private final EbayConfig config;
    private final EbayHttp http;
    private final Clock clock;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Token current;
    private RuntimeException lastFailure;
    private Instant failedAt = Instant.MIN;

    EbayAccessTokens(EbayConfig config, EbayHttp http, Clock clock) {
        this.config = config;
        this.http = http;
        this.clock = clock;
    }

    private record Token(String value, Instant renewAt) {
    }

    /** A token valid for a while yet: the cached one, or a new one. */
    String token() {
        Token token = current;
        if (token != null && clock.instant().isBefore(token.renewAt())) {
            return token.value();
        }
        refreshing.lock();
        try {
            token = current;
            Instant now = clock.instant();
            if (token != null && now.isBefore(token.renewAt())) {
                return token.value(); // another caller refreshed it while this one waited
            }
            if (lastFailure != null && now.isBefore(failedAt.plus(FAILURE_HOLDS))) {
                throw lastFailure; // the grant failed a moment ago for the caller this one waited behind
            }
            try {
                current = fetch();
                lastFailure = null;
                return current.value();
            } catch (RuntimeException failure) {
                lastFailure = failure;
                failedAt = now;
                throw failure;
            }
        } finally {
            refreshing.unlock();
        }
    }

    /**
     * eBay refused {@code rejected}: forget it, unless a newer token has already replaced it, so that many
     * calls refused at once make one refresh.
     */
    void refused(String rejected) {
        refreshing.lock();
        try {
            if (current != null && current.value().equals(rejected)) {
                current = null;
            }
        } finally {
            refreshing.unlock();
        }
    }

    private Token fetch() {
        String credentials = Base64.getEncoder().encodeToString(
                (config.clientId() + ":" + config.clientSecret()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(config.resolve(TOKEN_PATH))
                .timeout(config.timeout())
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode(SCOPE, StandardCharsets.UTF_8)))
                .build();
        EbayHttp.Answer answer = http.send(request, "eBay token request");
        if (!answer.ok()) {
            throw EbayHttp.failure("eBay token request", answer);
        }
        JsonNode body = answer.body();
        String value = body.path("access_token").asText("");
        long expiresIn = body.path("expires_in").asLong(0);
        if (value.isEmpty() || expiresIn <= 0) {
            throw new ProviderUnavailable(EbayHttp.PROVIDER, "bad_token", "eBay's token answer has no access_token"
                    + " or expires_in", Optional.empty());
        }
        Duration life = Duration.ofSeconds(expiresIn);
        // a very short-lived token is used for half its life rather than not at all
        Duration renewAfter = life.compareTo(RENEW_BEFORE.multipliedBy(2)) > 0 ? life.minus(RENEW_BEFORE) : life.dividedBy(2);
        return new Token(value, clock.instant().plus(renewAfter));
    }
}
