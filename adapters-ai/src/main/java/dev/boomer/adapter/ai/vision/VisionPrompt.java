package dev.boomer.adapter.ai.vision;

import dev.boomer.domain.item.Condition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The words sent with every item. The system prompt is the same for every item, so that providers can
 * cache it; everything that varies (photo count, a decoded barcode) goes in the short item text after it.
 */
public final class VisionPrompt {

    /** The name of the tool (Anthropic) or schema (OpenAI) the answer is given through. */
    public static final String ANSWER_NAME = "record_listing";

    private static final String SYSTEM = load("/vision/system-prompt.txt")
            .replace("{{conditions}}", Arrays.stream(Condition.values())
                    .map(c -> "- " + c.name() + ": " + c.label())
                    .collect(Collectors.joining("\n")));

    /** Tokens of the system prompt, and of it with the answer schema: the part every request shares. */
    private static final long SYSTEM_TOKENS = TextTokens.estimate(SYSTEM);
    private static final long SHARED_PREFIX_TOKENS = SYSTEM_TOKENS
            + TextTokens.estimate(AnswerSchema.schema().toString());

    private VisionPrompt() {
    }

    public static long systemTokens() {
        return SYSTEM_TOKENS;
    }

    /** The system prompt and the answer schema, counted once: providers that send both send them every time. */
    public static long sharedPrefixTokens() {
        return SHARED_PREFIX_TOKENS;
    }

    public static String system() {
        return SYSTEM;
    }

    /** "Photos 1 to 3 show one item. A barcode decoded from the photos reads 9780141036144." */
    public static String itemText(int photos, Optional<String> gtin) {
        String shown = photos == 1 ? "The photo shows one item." : "Photos 1 to " + photos + " show one item.";
        return shown + gtin.map(code -> " A barcode decoded from the photos reads " + code + ".").orElse("")
                + " Describe it for its listing.";
    }

    /** The follow-up that gives the model one chance to fix an answer that was not valid JSON. */
    public static String repairText(String brokenAnswer, String error) {
        return "Your previous answer was not valid JSON (" + error + "). Here it is:\n\n" + brokenAnswer
                + "\n\nAnswer again with the same content as one valid JSON object that matches the schema.";
    }

    private static String load(String resource) {
        try (InputStream in = Objects.requireNonNull(VisionPrompt.class.getResourceAsStream(resource), resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
