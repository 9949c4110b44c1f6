package dev.boomer.domain.photo;

import java.util.Objects;

/** Why a photo, or a whole submission, was refused. The code is stable; the message is for people. */
public record PhotoRejection(Reason reason, String photo, String message) {

    public enum Reason {
        NO_PHOTOS("no_photos"),
        TOO_MANY_PHOTOS("too_many_photos"),
        EMPTY_FILE("empty_file"),
        UNSUPPORTED_TYPE("unsupported_media_type"),
        TOO_LARGE("file_too_large"),
        TOO_MANY_PIXELS("too_many_pixels"),
        TOO_MANY_DECODED_BYTES("too_many_decoded_bytes"),
        DECODE_TIMEOUT("decode_timeout"),
        CORRUPT("corrupt_image");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public PhotoRejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(message, "message");
    }
}
