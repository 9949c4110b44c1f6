package dev.boomer.domain.item;

import java.util.Optional;

/** Global Trade Item Numbers (EAN-8, UPC-A, EAN-13, GTIN-14): digits with a GS1 check digit. */
public final class Gtin {

    private Gtin() {
    }

    /** The digits, if they form a GTIN whose check digit is right; spaces and dashes are ignored. */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{8}|\\d{12,14}") || !checkDigitHolds(digits)) {
            return Optional.empty();
        }
        return Optional.of(digits);
    }

    private static boolean checkDigitHolds(String digits) {
        int sum = 0;
        // From the right, excluding the check digit, weights alternate 3, 1, 3, ...
        for (int i = digits.length() - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (digits.charAt(i) - '0') * weight;
        }
        int check = (10 - sum % 10) % 10;
        return check == digits.charAt(digits.length() - 1) - '0';
    }
}
