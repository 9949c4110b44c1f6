package dev.boomer.adapter.ai.photo;

import dev.boomer.domain.photo.PhotoLimits;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code boomer.photos.*}: what an uploaded photo may be.
 *
 * @param maxBytes    largest accepted file (default 20 MiB)
 * @param maxPixels   largest accepted width x height, checked from the header before decoding
 * @param maxLongEdge stored photos are downscaled to this long edge (Anthropic's recommended 1568 px)
 */
@ConfigurationProperties("boomer.photos")
record PhotoLimitsConfig(
        @Bindable(defaultValue = "20971520") @Min(1024) long maxBytes,
        @Bindable(defaultValue = "60000000") @Min(10_000) long maxPixels,
        @Bindable(defaultValue = "1568") @Min(64) @Max(8192) int maxLongEdge) {

    PhotoLimits toLimits() {
        return new PhotoLimits(maxBytes, maxPixels, maxLongEdge);
    }
}
