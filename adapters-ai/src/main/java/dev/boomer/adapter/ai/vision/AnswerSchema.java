package dev.boomer.adapter.ai.vision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.boomer.domain.item.Condition;

import java.util.List;

/**
 * The JSON schema every provider is asked to answer in. One schema serves all four: it keeps to the subset
 * OpenAI's strict mode accepts (every property required, no free-form maps, nullable by a type list), which
 * Anthropic tools, Ollama's {@code format} and Gemini's {@code responseJsonSchema} accept as well.
 */
public final class AnswerSchema {

    /** The fields a confidence is asked for; the item's overall confidence is the lowest of them. */
    public static final List<String> CONFIDENT_FIELDS = List.of("brand", "model", "category", "condition", "title");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectNode SCHEMA = build();

    private AnswerSchema() {
    }

    /** A fresh copy: callers embed it in their request bodies. */
    public static ObjectNode schema() {
        return SCHEMA.deepCopy();
    }

    private static ObjectNode build() {
        ObjectNode schema = object();
        ObjectNode properties = schema.putObject("properties");
        properties.set("brand", string("Maker as printed, or \"Unbranded\""));
        properties.set("model", string("Model name or number as printed; for books the title"));
        properties.set("category", string("eBay category path, most general first, separated by \" > \""));
        ObjectNode condition = string("One of eBay's condition codes");
        ArrayNode codes = condition.putArray("enum");
        for (Condition c : Condition.values()) {
            codes.add(c.name());
        }
        properties.set("condition", condition);
        properties.set("title", string("eBay title, at most 80 characters"));
        properties.set("description", string("Three to six plain sentences for the buyer"));
        properties.set("searchQuery", string("What to search eBay for to find this exact item"));
        ObjectNode gtin = properties.putObject("gtin");
        gtin.putArray("type").add("string").add("null");
        gtin.put("description", "UPC, EAN or ISBN-13 digits if printed and legible, else null");
        ObjectNode specifics = properties.putObject("itemSpecifics");
        specifics.put("type", "array");
        ObjectNode pair = object();
        ObjectNode pairFields = pair.putObject("properties");
        pairFields.set("name", string("e.g. Colour"));
        pairFields.set("value", string("e.g. Black"));
        required(pair, List.of("name", "value"));
        specifics.set("items", pair);
        ObjectNode confidence = object();
        ObjectNode perField = confidence.putObject("properties");
        for (String field : CONFIDENT_FIELDS) {
            ObjectNode number = perField.putObject(field);
            number.put("type", "number");
            number.put("description", "0 to 1");
        }
        required(confidence, CONFIDENT_FIELDS);
        properties.set("confidence", confidence);
        required(schema, List.of("brand", "model", "category", "condition", "title", "description", "searchQuery",
                "gtin", "itemSpecifics", "confidence"));
        return schema;
    }

    private static ObjectNode object() {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "object");
        node.put("additionalProperties", false);
        return node;
    }

    private static ObjectNode string(String description) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "string");
        node.put("description", description);
        return node;
    }

    private static void required(ObjectNode node, List<String> fields) {
        ArrayNode required = node.putArray("required");
        fields.forEach(required::add);
    }
}
