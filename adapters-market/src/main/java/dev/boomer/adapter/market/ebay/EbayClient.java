package dev.boomer.adapter.market.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Authorised GETs to eBay's REST APIs on the configured marketplace, with the one application token every
 * eBay adapter shares; a token eBay no longer takes is replaced once and the request made again.
 */
@Singleton
@Requires(property = "boomer.market.provider", value = "ebay")
final class EbayClient {

    private final EbayConfig config;
    private final EbayHttp http;
    private final EbayAccessTokens tokens;

    EbayClient(EbayConfig config, Clock clock) {
        this.config = config;
        this.http = new EbayHttp(config);
        this.tokens = new EbayAccessTokens(config, http, clock);
    }

    EbayConfig config() {
        return config;
    }

    /** The JSON answer to {@code GET {base}{pathAndQuery}}, or the fault eBay's answer stands for. */
    JsonNode get(String pathAndQuery, String what) {
        String token = tokens.token();
        EbayHttp.Answer answer = http.send(request(pathAndQuery, token), what);
        if (answer.status() == EbayHttp.UNAUTHORIZED) {
            tokens.refused(token);
            answer = http.send(request(pathAndQuery, tokens.token()), what);
        }
        if (!answer.ok()) {
            throw EbayHttp.failure(what, answer);
        }
        return answer.body();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest request(String pathAndQuery, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(config.resolve(pathAndQuery))
                .timeout(config.timeout())
                .header("Authorization", "Bearer " + token)
                .header("X-EBAY-C-MARKETPLACE-ID", config.marketplace())
                .header("Accept", "application/json");
        if (!config.shipTo().isEmpty()) {
            // eBay prices calculated shipping for this buyer location; the value is URL-encoded, as eBay asks
            request.header("X-EBAY-C-ENDUSERCTX", "contextualLocation=" + encode(config.shipTo()));
        }
        return request.GET().build();
    }
}
