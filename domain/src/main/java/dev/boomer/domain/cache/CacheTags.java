package dev.boomer.domain.cache;

import java.util.Locale;

/**
 * The tags cache entries carry, so that a group can be invalidated at once: {@code gtin:<14 digits>},
 * {@code brand:<lower case>}, {@code category:<id or name>}, {@code prompt:<version>}, {@code model:<id>},
 * {@code source:<market source>}.
 */
public final class CacheTags {

    private CacheTags() {
    }

    /** @param gtin the GTIN as 14 digits, so that a UPC-A and its EAN-13 are one tag */
    public static String gtin(String gtin) {
        return "gtin:" + gtin;
    }

    public static String brand(String brand) {
        return "brand:" + brand.strip().toLowerCase(Locale.ROOT);
    }

    public static String category(String category) {
        return "category:" + category.strip();
    }

    public static String prompt(String version) {
        return "prompt:" + version;
    }

    public static String model(String model) {
        return "model:" + model;
    }

    public static String source(String source) {
        return "source:" + source;
    }
}
