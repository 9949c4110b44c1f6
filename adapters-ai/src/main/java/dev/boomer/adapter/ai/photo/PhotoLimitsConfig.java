package dev.boomer.adapter.ai.photo;

import dev.boomer.domain.photo.PhotoLimits;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/**
 * {@code boomer.photos.*}: what an uploaded photo may be, and how many are decoded at once.
 *
 * @param maxBytes        largest accepted file (default 20 MiB)
 * @param maxPixels       largest accepted width x height, checked from the header before decoding
 * @param maxDecodedBytes largest accepted decoded image, pixels x bytes per pixel (default 256 MiB)
 * @param decodeTimeout   a photo that takes longer to decode is refused and its decoder stopped
 * @param decodeThreads   photos decoded at once; 0 means one per processor
 * @param maxLongEdge     stored photos are downscaled to this long edge (Anthropic's recommended 1568 px)
 */
@ConfigurationProperties("boomer.photos")
record PhotoLimitsConfig(
        @Bindable(defaultValue = "20971520") @Min(1024) long maxBytes,
        @Bindable(defaultValue = "60000000") @Min(10_000) long maxPixels,
        @Bindable(defaultValue = "268435456") @Min(1024) long maxDecodedBytes,
        @Bindable(defaultValue = "10s") Duration decodeTimeout,
        @Bindable(defaultValue = "0") @Min(0) @Max(256) int decodeThreads,
        @Bindable(defaultValue = "1568") @Min(64) @Max(8192) int maxLongEdge) {

    PhotoLimits toLimits() {
        return new PhotoLimits(maxBytes, maxPixels, maxDecodedBytes, decodeTimeout, maxLongEdge);
    }

    int threads() {
        return decodeThreads == 0 ? Runtime.getRuntime().availableProcessors() : decodeThreads;
    }
}
