package dev.boomer.logging;

import dev.boomer.domain.security.Redactor;

/**
 * The redactor the log converters apply. Logging starts before the application context (which knows the
 * configured secrets), so until then credentials are removed by their shape only.
 */
public final class LogRedaction {

    private static volatile Redactor current = Redactor.shapesOnly();

    private LogRedaction() {
    }

    public static void use(Redactor redactor) {
        current = redactor;
    }

    /** Credentials removed and line breaks escaped: what may be written to a log line. */
    static String clean(String text) {
        return LineBreaks.escape(current.redact(text));
    }
}
