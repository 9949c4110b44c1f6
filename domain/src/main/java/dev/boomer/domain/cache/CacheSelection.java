package dev.boomer.domain.cache;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which cache entries an invalidation removes: one key, the keys starting with a prefix (of the full key,
 * {@code namespace:id}), a namespace, the entries carrying a tag, or all of them.
 */
public record CacheSelection(Kind kind, String value) {

    public enum Kind { KEY, PREFIX, NAMESPACE, TAG, ALL }

    public CacheSelection {
        Objects.requireNonNull(kind, "kind");
        value = value == null ? "" : value.strip();
        if (kind != Kind.ALL && value.isEmpty()) {
            throw new IllegalArgumentException("a cache " + kind.name().toLowerCase(Locale.ROOT) + " to invalidate"
                    + " must not be blank");
        }
        if (kind == Kind.ALL && !value.isEmpty()) {
            throw new IllegalArgumentException("invalidating all entries takes no value");
        }
    }

    public static CacheSelection key(CacheKey key) {
        return new CacheSelection(Kind.KEY, key.value());
    }

    public static CacheSelection prefix(String prefix) {
        return new CacheSelection(Kind.PREFIX, prefix);
    }

    public static CacheSelection namespace(String namespace) {
        return new CacheSelection(Kind.NAMESPACE, namespace);
    }

    public static CacheSelection tag(String tag) {
        return new CacheSelection(Kind.TAG, tag);
    }

    public static CacheSelection all() {
        return new CacheSelection(Kind.ALL, "");
    }

    /** Whether an entry stored under that full key, in that namespace, with those tags, is selected. */
    public boolean matches(String storedKey, String namespace, Set<String> tags) {
        return switch (kind) {
            case KEY -> storedKey.equals(value);
            case PREFIX -> storedKey.startsWith(value);
            case NAMESPACE -> namespace.equals(value);
            case TAG -> tags.contains(value);
            case ALL -> true;
        };
    }

    /** In words, for audit entries and answers: "tag gtin:04960999123455", "all entries". */
    public String describe() {
        return kind == Kind.ALL ? "all entries" : kind.name().toLowerCase(Locale.ROOT) + " " + value;
    }
}
