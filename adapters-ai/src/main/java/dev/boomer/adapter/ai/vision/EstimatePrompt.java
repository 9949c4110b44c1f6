package dev.boomer.adapter.ai.vision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.boomer.domain.market.PriceEstimator;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.vision.VisionAnalysis;

import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;

/**
 * The text-only request for a price estimate (the market's last resort): what to ask, the answer's schema,
 * and how an answer is read. Photos are not sent again: the analysis says what the item is.
 */
public final class EstimatePrompt {

    /** The name of the tool (Anthropic) the estimate is given through. */
    public static final String ANSWER_NAME = "record_estimate";
    /** An estimate is three numbers and a currency: far fewer tokens than this. */
    public static final int MAX_OUTPUT_TOKENS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SYSTEM = "You price second-hand items for resellers. No market data was found for"
            + " this item; estimate from what you know what it would sell for on eBay, shipping included, in its"
            + " condition. Answer with low, median and high prices (the middle half of likely sale prices) in the"
            + " currency given. If you cannot tell, give a wide range rather than none.";

    private EstimatePrompt() {
    }

    public static String system() {
        return SYSTEM;
    }

    public static String text(PriceEstimator.EstimateRequest request) {
        VisionAnalysis item = request.analysis();
        return "Item: " + item.title() + ". Brand: " + item.brand() + ". Model: " + item.model() + ". Category: "
                + item.category() + ". Condition: " + item.condition().label() + "." + item.gtin()
                .map(gtin -> " GTIN: " + gtin + ".").orElse("") + " Currency: "
                + request.currency().getCurrencyCode() + ".";
    }

    /** {@code {"low": 30, "median": 40, "high": 55, "currency": "USD"}}, all required. */
    public static ObjectNode schema() {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (String field : List.of("low", "median", "high")) {
            properties.putObject(field).put("type", "number").put("description", "price, shipping included");
        }
        properties.putObject("currency").put("type", "string").put("description", "ISO 4217 code, e.g. USD");
        schema.putArray("required").add("low").add("median").add("high").add("currency");
        schema.put("additionalProperties", false);
        return schema;
    }

    /** The estimate in an answer, or why there is none. */
    public static Reading read(String json, Currency currency) {
        JsonNode answer;
        try {
            answer = JSON.readTree(json);
        } catch (Exception e) {
            return new Reading(null, "not JSON: " + e.getMessage());
        }
        if (answer == null || !answer.path("low").isNumber() || !answer.path("median").isNumber()
                || !answer.path("high").isNumber()) {
            return new Reading(null, "the answer lacks low, median and high numbers");
        }
        if (!currency.getCurrencyCode().equals(answer.path("currency").asText(currency.getCurrencyCode()))) {
            return new Reading(null, "the estimate is in " + answer.path("currency").asText() + ", not "
                    + currency.getCurrencyCode());
        }
        try {
            return new Reading(new PriceEstimator.PriceEstimate(money(answer.path("low"), currency),
                    money(answer.path("median"), currency), money(answer.path("high"), currency)), "");
        } catch (IllegalArgumentException e) {
            return new Reading(null, e.getMessage());
        }
    }

    /** An estimate, or the problem (blank when there is an estimate). */
    public record Reading(PriceEstimator.PriceEstimate estimate, String problem) {
    }

    private static Money money(JsonNode number, Currency currency) {
        return new Money(number.decimalValue().setScale(2, RoundingMode.HALF_UP), currency);
    }
}
