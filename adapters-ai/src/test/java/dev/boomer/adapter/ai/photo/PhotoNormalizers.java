package dev.boomer.adapter.ai.photo;

import dev.boomer.domain.photo.PhotoLimits;
import dev.boomer.domain.photo.PhotoNormalizer;

/** Test access to the package-private normalizer. */
public final class PhotoNormalizers {

    private PhotoNormalizers() {
    }

    public static PhotoNormalizer withDefaults() {
        return new ImageIoPhotoNormalizer(PhotoLimits.DEFAULTS);
    }
}
