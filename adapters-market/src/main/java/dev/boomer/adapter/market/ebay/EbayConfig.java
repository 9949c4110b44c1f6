package dev.boomer.adapter.market.ebay;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The eBay keyset and how Boomer searches ({@code boomer.market.ebay.*}). The keys come from the environment
 * ({@code EBAY_CLIENT_ID}, {@code EBAY_CLIENT_SECRET}), never from the repository.
 *
 * @param clientId     the keyset's App ID (client id)
 * @param clientSecret the keyset's Cert ID (client secret); never logged or shown
 * @param baseUrl      {@code https://api.ebay.com}, or the sandbox, or a stub in tests
 * @param marketplace  which eBay site's listings price the item ({@code X-EBAY-C-MARKETPLACE-ID})
 * @param limit        how many listings one search returns to price from (eBay allows up to 200)
 * @param timeout      how long one request may take, connection included
 * @param shipTo       where the buyer is, as eBay's contextual location ({@code country=US,zip=10001}), so that
 *                     calculated shipping comes with its cost; blank: such shipping counts as 0
 */
@ConfigurationProperties("boomer.market.ebay")
record EbayConfig(
        @Bindable(defaultValue = "") String clientId,
        @Bindable(defaultValue = "") String clientSecret,
        @Bindable(defaultValue = "https://api.ebay.com") URI baseUrl,
        @Bindable(defaultValue = "EBAY_US") String marketplace,
        @Bindable(defaultValue = "50") int limit,
        @Bindable(defaultValue = "10s") Duration timeout,
        @Bindable(defaultValue = "") String shipTo) {

    static final int MAX_LIMIT = 200;
    /** The currency each marketplace lists in (eBay's Browse API marketplaces). */
    private static final java.util.Map<String, String> CURRENCIES = java.util.Map.ofEntries(
            java.util.Map.entry("EBAY_US", "USD"), java.util.Map.entry("EBAY_CA", "CAD"),
            java.util.Map.entry("EBAY_GB", "GBP"), java.util.Map.entry("EBAY_AU", "AUD"),
            java.util.Map.entry("EBAY_DE", "EUR"), java.util.Map.entry("EBAY_FR", "EUR"),
            java.util.Map.entry("EBAY_IT", "EUR"), java.util.Map.entry("EBAY_ES", "EUR"),
            java.util.Map.entry("EBAY_AT", "EUR"), java.util.Map.entry("EBAY_BE", "EUR"),
            java.util.Map.entry("EBAY_NL", "EUR"), java.util.Map.entry("EBAY_IE", "EUR"),
            java.util.Map.entry("EBAY_CH", "CHF"), java.util.Map.entry("EBAY_PL", "PLN"),
            java.util.Map.entry("EBAY_HK", "HKD"), java.util.Map.entry("EBAY_SG", "SGD"));
    private static final Pattern MARKETPLACE = Pattern.compile("EBAY_[A-Z_]{2,5}");

    EbayConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(timeout, "timeout");
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("boomer.market.provider=ebay needs an eBay keyset: set EBAY_CLIENT_ID and"
                    + " EBAY_CLIENT_SECRET (boomer.market.ebay.client-id / .client-secret) from developer.ebay.com");
        }
        if (!"https".equals(baseUrl.getScheme()) && !"http".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("boomer.market.ebay.base-url must be an http(s) address, not " + baseUrl);
        }
        if (marketplace == null || !MARKETPLACE.matcher(marketplace).matches()) {
            throw new IllegalArgumentException("boomer.market.ebay.marketplace must be an eBay marketplace id such as"
                    + " EBAY_US or EBAY_GB, not " + marketplace);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("boomer.market.ebay.limit must be within 1.." + MAX_LIMIT + ", not " + limit);
        }
        shipTo = shipTo == null ? "" : shipTo.strip();
        if (!shipTo.isEmpty() && !shipTo.matches("country=[A-Z]{2}(,zip=[A-Za-z0-9 -]{3,10})?")) {
            throw new IllegalArgumentException("boomer.market.ebay.ship-to must look like country=US,zip=10001, not "
                    + shipTo);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("boomer.market.ebay.timeout must be positive, not " + timeout);
        }
    }

    /**
     * Stops the start when the marketplace lists in another currency than the one Boomer prices in: every
     * listing would be left out and every item would need review for no price.
     */
    void requireCurrency(String currency) {
        String listed = CURRENCIES.get(marketplace);
        if (listed != null && !listed.equals(currency)) {
            throw new IllegalArgumentException("boomer.market.ebay.marketplace " + marketplace + " lists in " + listed
                    + " but boomer.processing.currency is " + currency + ": set one to match the other");
        }
    }

    /** An address under the base URL; the base may carry a path of its own (a stub, a proxy). */
    URI resolve(String pathAndQuery) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery);
    }

    /** Never the secret: a record's own toString would print it. */
    @Override
    public String toString() {
        return "EbayConfig[clientId=" + clientId + ", clientSecret=[redacted], baseUrl=" + baseUrl + ", marketplace="
                + marketplace + ", limit=" + limit + ", timeout=" + timeout + ", shipTo=" + shipTo + "]";
    }
}
