package dev.boomer.domain.security;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from text that came from outside (a provider's error message echoing the key, an
 * exception quoting a URL with {@code ?key=}) before it is stored as a reason, shown on a page or logged:
 * the configured secrets themselves, and anything shaped like a credential. Photo hashes and ids are
 * left alone: no pattern matches bare hex or UUIDs.
 */
public final class Redactor {

    public static final String REDACTED = "[redacted]";

    /** Secrets shorter than this are not searched for literally: they would match ordinary words. */
    static final int MIN_SECRET_LENGTH = 8;

    /** Shapes of credentials; group 1, when present, is kept as the label before the secret. */
    private static final List<Pattern> SHAPES = List.of(
            // OpenAI and Anthropic keys (sk-..., sk-ant-..., sk-proj-...), Boomer's own API tokens
            Pattern.compile("\\b(?:sk|bmr)[-_][A-Za-z0-9_-]{8,}"),
            // Google API keys
            Pattern.compile("\\bAIza[0-9A-Za-z_-]{20,}"),
            Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=-]{6,}"),
            Pattern.compile("(?i)\\b(x-(?:goog-)?api-key\\s*[:=]\\s*)[^\\s,;\"']+"),
            // key=, api_key=, apikey=, access_token=, password= in query strings and messages; a hash or
            // an id after "key=" (a cache key) is not a secret
            Pattern.compile("(?i)\\b((?:api[_-]?)?key=|access[_-]?token=|password=|secret=)"
                    + "(?![0-9a-f]{64}\\b)(?![0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b)"
                    + "[^\\s&,;\"']+"),
            // user:password@ in URLs
            Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^\\s:/@]+:)[^\\s@/]+(?=@)"));

    private static final Redactor SHAPES_ONLY = new Redactor(List.of());

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /** Credentials by their shape only. */
    public static Redactor shapesOnly() {
        return SHAPES_ONLY;
    }

    /** Credentials by their shape, and these configured secrets wherever they appear. */
    public static Redactor withSecrets(Collection<String> configured) {
        List<String> secrets = configured.stream().filter(Objects::nonNull).map(String::strip)
                .filter(secret -> secret.length() >= MIN_SECRET_LENGTH).distinct()
                // the longest first, so that a secret containing another is removed whole
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        return new Redactor(secrets);
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String redacted = text;
        for (String secret : secrets) {
            redacted = redacted.replace(secret, REDACTED);
        }
        for (Pattern shape : SHAPES) {
            Matcher matcher = shape.matcher(redacted);
            if (matcher.find()) {
                redacted = matcher.replaceAll(match -> Matcher.quoteReplacement(
                        (match.groupCount() > 0 && match.group(1) != null ? match.group(1) : "") + REDACTED));
            }
        }
        return redacted;
    }
}
