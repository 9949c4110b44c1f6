package dev.boomer.adapter.ai.vision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boomer.domain.item.Condition;
import dev.boomer.domain.item.Gtin;
import dev.boomer.domain.listing.ListingComposer;
import dev.boomer.domain.vision.OutputProblem;
import dev.boomer.domain.vision.VisionAnalysis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Validates a model's answer against {@link AnswerSchema} and turns it into a {@link VisionAnalysis}. The
 * provider's own schema enforcement is not trusted: every answer is checked here, whichever provider sent it.
 */
public final class AnswerReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The outcome of reading one answer. */
    public sealed interface Reading {
    }

    public record Valid(VisionAnalysis analysis) implements Reading {
    }

    /** Not JSON at all: worth the one repair attempt. */
    public record NotJson(String error) implements Reading {
    }

    /** JSON, but not an answer we can use. */
    public record Invalid(OutputProblem problem, String detail) implements Reading {
    }

    private AnswerReader() {
    }

    public static Reading read(String answer) {
        JsonNode root;
        try {
            root = JSON.readTree(stripFences(answer));
        } catch (JsonProcessingException e) {
            return new NotJson(e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return new NotJson("the answer is not a JSON object");
        }
        try {
            return new Valid(analysis(root));
        } catch (Violation v) {
            return new Invalid(v.problem, v.getMessage());
        }
    }

    private static VisionAnalysis analysis(JsonNode root) {
        String conditionCode = text(root, "condition");
        Condition condition;
        try {
            condition = Condition.valueOf(conditionCode);
        } catch (IllegalArgumentException e) {
            throw new Violation(OutputProblem.WRONG_ENUM, "condition \"" + conditionCode
                    + "\" is not one of eBay's condition codes");
        }
        Map<String, Double> confidence = confidences(root);
        double overall = confidence.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        Optional<String> gtin = root.path("gtin").isTextual() ? Gtin.parse(root.get("gtin").asText()) : Optional.empty();
        return new VisionAnalysis(text(root, "brand"), text(root, "model"), text(root, "category"), condition,
                ListingComposer.fitTitle(nonBlank(root, "title")), text(root, "description"),
                nonBlank(root, "searchQuery"), gtin, specifics(root), overall, confidence);
    }

    private static Map<String, Double> confidences(JsonNode root) {
        JsonNode node = required(root, "confidence");
        if (!node.isObject()) {
            throw new Violation(OutputProblem.INVALID_VALUE, "confidence must be an object of numbers per field");
        }
        Map<String, Double> confidence = new LinkedHashMap<>();
        for (String field : AnswerSchema.CONFIDENT_FIELDS) {
            JsonNode value = required(node, field);
            if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
                throw new Violation(OutputProblem.INVALID_VALUE, "confidence." + field + " must be a number from 0"
                        + " to 1, not " + value);
            }
            confidence.put(field, value.asDouble());
        }
        return confidence;
    }

    private static Map<String, String> specifics(JsonNode root) {
        JsonNode node = required(root, "itemSpecifics");
        if (!node.isArray()) {
            throw new Violation(OutputProblem.INVALID_VALUE, "itemSpecifics must be an array of name/value pairs");
        }
        Map<String, String> specifics = new LinkedHashMap<>();
        for (JsonNode pair : node) {
            String name = pair.path("name").asText("").strip();
            String value = pair.path("value").asText("").strip();
            if (!name.isEmpty() && !value.isEmpty()) {
                specifics.putIfAbsent(name, value);
            }
        }
        return specifics;
    }

    private static String nonBlank(JsonNode root, String field) {
        String value = text(root, field);
        if (value.isBlank()) {
            throw new Violation(OutputProblem.INVALID_VALUE, field + " must not be blank");
        }
        return value;
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = required(root, field);
        if (!value.isTextual()) {
            throw new Violation(OutputProblem.INVALID_VALUE, field + " must be a string, not " + value.getNodeType());
        }
        return value.asText().strip();
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new Violation(OutputProblem.MISSING_FIELD, field + " is missing");
        }
        return value;
    }

    /** Some models wrap JSON in a Markdown code fence even when told not to; that is not worth a repair. */
    private static String stripFences(String answer) {
        String trimmed = answer.strip();
        if (trimmed.startsWith("```")) {
            int firstLineEnd = trimmed.indexOf('\n');
            int closing = trimmed.lastIndexOf("```");
            if (firstLineEnd > 0 && closing > firstLineEnd) {
                return trimmed.substring(firstLineEnd + 1, closing);
            }
        }
        return trimmed;
    }

    private static final class Violation extends RuntimeException {
        private final OutputProblem problem;

        Violation(OutputProblem problem, String message) {
            super(message, null, false, false);
            this.problem = problem;
        }
    }
}
