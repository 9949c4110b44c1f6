package dev.boomer.adapter.ai.photo;

import java.util.Optional;

/** The image formats Boomer accepts, recognised by their magic bytes, and whether a file is complete. */
enum ImageFormat {
    JPEG("image/jpeg"),
    PNG("image/png"),
    WEBP("image/webp");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final String mediaType;

    ImageFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    String mediaType() {
        return mediaType;
    }

    static Optional<ImageFormat> sniff(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, PNG_SIGNATURE, 0)) {
            return Optional.of(PNG);
        }
        if (bytes.length >= 12 && startsWith(bytes, "RIFF".getBytes(), 0) && startsWith(bytes, "WEBP".getBytes(), 8)) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /**
     * Decoders often fill a cut-off image with grey instead of failing, so completeness is checked on the
     * bytes: a JPEG's end-of-image marker after its last start-of-scan, a PNG's IEND chunk, the RIFF size.
     */
    boolean isComplete(byte[] bytes) {
        return switch (this) {
            case JPEG -> lastMarker(bytes, 0xD9) > lastMarker(bytes, 0xDA) && lastMarker(bytes, 0xDA) > 0;
            case PNG -> indexOf(bytes, "IEND".getBytes(), Math.max(0, bytes.length - 64)) >= 0;
            case WEBP -> bytes.length >= 8 + littleEndianInt(bytes, 4);
        };
    }

    private static int lastMarker(byte[] bytes, int marker) {
        for (int i = bytes.length - 2; i >= 0; i--) {
            if ((bytes[i] & 0xFF) == 0xFF && (bytes[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        return -1;
    }

    private static long littleEndianInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFFL) | (bytes[offset + 1] & 0xFFL) << 8 | (bytes[offset + 2] & 0xFFL) << 16
                | (bytes[offset + 3] & 0xFFL) << 24;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix, int offset) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte[] needle, int from) {
        outer:
        for (int i = from; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
