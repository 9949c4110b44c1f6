package dev.boomer.intake;

import dev.boomer.domain.photo.PhotoRejection;
import io.micronaut.http.HttpStatus;

/** The HTTP status of each intake refusal, the same for the API and the console. */
public final class RejectionStatus {

    private RejectionStatus() {
    }

    public static HttpStatus of(PhotoRejection.Reason reason) {
        return switch (reason) {
            case NO_PHOTOS, TOO_MANY_PHOTOS -> HttpStatus.BAD_REQUEST;
            case TOO_LARGE -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case EMPTY_FILE, TOO_MANY_PIXELS, TOO_MANY_DECODED_BYTES, DECODE_TIMEOUT, CORRUPT -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }
}
