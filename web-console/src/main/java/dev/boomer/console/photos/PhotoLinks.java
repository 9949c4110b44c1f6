package dev.boomer.console.photos;

import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.security.SigningKeys;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Links to a photo that open without signing in, for readers that cannot sign in (a marketplace reading
 * {@code PicURL} from an export). A link names the photo and when it expires, signed with HMAC-SHA256
 * under a key every instance shares; it works only under the configured public base URL and only until
 * it expires. Without {@code boomer.public-base-url} no links are made.
 */
@Singleton
public class PhotoLinks {

    static final String PATH = "/public/photos/";
    private static final String PURPOSE = "photo-links";
    private static final String HMAC = "HmacSHA256";

    private final Optional<URI> baseUrl;
    private final Duration lifetime;
    private final SigningKeys keys;
    private final Clock clock;

    PhotoLinks(@Nullable @Value("${boomer.public-base-url:}") String baseUrl,
               @Value("${boomer.security.photo-links.lifetime:P7D}") Duration lifetime,
               SigningKeys keys, Clock clock) {
        this.baseUrl = Optional.ofNullable(baseUrl).filter(url -> !url.isBlank()).map(PhotoLinks::baseUri);
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("boomer.security.photo-links.lifetime must be positive, not " + lifetime);
        }
        this.lifetime = lifetime;
        this.keys = keys;
        this.clock = clock;
    }

    /** A link that opens the photo until the lifetime has passed; empty without a public base URL. */
    public Optional<String> linkTo(ContentHash photo) {
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        return baseUrl.map(base -> base + PATH + photo.hex() + ".jpg?expires=" + expires + "&signature="
                + signature(photo, expires));
    }

    /** Whether a link's expiry and signature are Boomer's own and still good. */
    boolean isValid(ContentHash photo, long expires, String signature) {
        if (Instant.ofEpochSecond(expires).isBefore(clock.instant()) || signature == null) {
            return false;
        }
        return MessageDigest.isEqual(signature(photo, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(ContentHash photo, long expires) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(keys.key(PURPOSE), HMAC));
            byte[] signed = mac.doFinal((photo.hex() + ":" + expires).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static URI baseUri(String url) {
        URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("boomer.public-base-url must be an http(s) URL, not '" + url + "'");
        }
        return uri;
    }
}
