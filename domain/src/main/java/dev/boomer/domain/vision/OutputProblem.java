package dev.boomer.domain.vision;

import java.util.Locale;

/** Why a model's answer could not be used; the code is what an item's reason starts with. */
public enum OutputProblem {
    /** The model declined (a refusal block, a safety stop, a refusal field). */
    REFUSED,
    /** The answer hit the output limit ({@code max_tokens}, {@code length}) and is incomplete. */
    TRUNCATED,
    /** No content at all. */
    EMPTY_OUTPUT,
    /** Not parseable as JSON, even after the repair attempt. */
    INVALID_JSON,
    /** A required field is absent or null. */
    MISSING_FIELD,
    /** A value outside its enumeration (a condition eBay does not know). */
    WRONG_ENUM,
    /** A value of the wrong type or out of range (a confidence of 7, a blank title). */
    INVALID_VALUE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
