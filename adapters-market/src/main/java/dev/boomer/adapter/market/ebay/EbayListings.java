package dev.boomer.adapter.market.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.boomer.domain.item.Condition;
import dev.boomer.domain.market.ComparableSale;
import dev.boomer.domain.market.MarketQuery;
import dev.boomer.domain.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Browse search results as comparables: title, price, the cheapest shipping it offers (0 when it says so,
 * or states no cost: calculated shipping has one only for a buyer location), condition, link without its
 * tracking parameters, and listing date. A result without a usable price in the quote's
 * currency, or without a link, prices nothing and is skipped.
 */
final class EbayListings {

    private EbayListings() {
    }

    static List<ComparableSale> comparables(JsonNode results, MarketQuery query) {
        List<ComparableSale> comps = new ArrayList<>();
        for (JsonNode summary : results.path("itemSummaries")) {
            comparable(summary, query).ifPresent(comps::add);
        }
        return comps;
    }

    private static Optional<ComparableSale> comparable(JsonNode summary, MarketQuery query) {
        Optional<Money> price = money(summary.path("price"), query.currency());
        String title = summary.path("title").asText("").strip();
        String url = withoutQuery(summary.path("itemWebUrl").asText("").strip());
        if (price.isEmpty() || !price.get().isPositive() || title.isEmpty() || url.isEmpty()) {
            return Optional.empty();
        }
        Condition condition = Condition.ofEbayId(summary.path("conditionId").asText("")).orElse(query.condition());
        return Optional.of(new ComparableSale(title, price.get(), shipping(summary, query.currency()), condition, url,
                listedAt(summary)));
    }

    /** eBay's item links carry tracking parameters that change between calls; the listing is the path. */
    static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** The cheapest shipping option with a cost; zero when none states one (free, or collection only). */
    private static Money shipping(JsonNode summary, Currency currency) {
        Money cheapest = null;
        for (JsonNode option : summary.path("shippingOptions")) {
            Optional<Money> cost = money(option.path("shippingCost"), currency);
            if (cost.isPresent() && !cost.get().isNegative() && (cheapest == null || cost.get().compareTo(cheapest) < 0)) {
                cheapest = cost.get();
            }
        }
        return cheapest == null ? Money.zero(currency) : cheapest;
    }

    /** eBay's amounts: {@code {"value": "24.99", "currency": "USD"}}; only in the currency asked for. */
    private static Optional<Money> money(JsonNode amount, Currency currency) {
        if (!currency.getCurrencyCode().equals(amount.path("currency").asText(""))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Money(new BigDecimal(amount.path("value").asText("")), currency));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> listedAt(JsonNode summary) {
        try {
            return summary.hasNonNull("itemCreationDate")
                    ? Optional.of(Instant.parse(summary.get("itemCreationDate").asText())) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
