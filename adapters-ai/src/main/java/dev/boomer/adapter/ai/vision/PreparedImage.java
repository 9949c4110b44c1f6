package dev.boomer.adapter.ai.vision;

import java.util.Base64;

/** A photo fitted to the provider's image budget, as JPEG bytes, with the size the provider will count. */
public record PreparedImage(byte[] jpeg, ImageSize size) {

    public static final String MEDIA_TYPE = "image/jpeg";

    public String base64() {
        return Base64.getEncoder().encodeToString(jpeg);
    }

    public String dataUrl() {
        return "data:" + MEDIA_TYPE + ";base64," + base64();
    }
}
