package dev.boomer.logging;

/**
 * Keeps text that may come from a user (request bodies, file and folder names, usernames, provider
 * messages) on one log line: a line break in it would start a forged log line of the attacker's choice.
 */
public final class LineBreaks {

    private LineBreaks() {
    }

    /** CR, LF, the Unicode line separators and other control characters (not tab) become visible escapes. */
    public static String escape(String text) {
        if (text == null || text.chars().noneMatch(LineBreaks::needsEscape)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> {
                    if (needsEscape(c)) {
                        escaped.append(String.format("\\u%04x", c));
                    } else {
                        escaped.append((char) c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    private static boolean needsEscape(int c) {
        return (Character.isISOControl(c) && c != '\t') || c == '\u2028' || c == '\u2029';
    }
}
