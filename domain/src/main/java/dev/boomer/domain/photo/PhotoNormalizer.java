package dev.boomer.domain.photo;

/**
 * Decides whether untrusted bytes are a usable photo and turns them into stored form: type by magic
 * bytes, byte and pixel limits checked before decoding, orientation applied, all metadata removed,
 * downscaled to the configured long edge.
 */
public interface PhotoNormalizer {

    PhotoCheck normalize(RawPhoto raw);
}
