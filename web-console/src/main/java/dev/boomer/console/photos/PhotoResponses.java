package dev.boomer.console.photos;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;

/** How a stored photo is answered, wherever it is served from. */
public final class PhotoResponses {

    private PhotoResponses() {
    }

    /** A stored JPEG; its bytes never change (content-addressed), so caches may keep it as long as told. */
    public static HttpResponse<byte[]> jpeg(byte[] bytes, String cacheControl) {
        return HttpResponse.ok(bytes).contentType(MediaType.IMAGE_JPEG_TYPE).header("Cache-Control", cacheControl)
                .header("X-Content-Type-Options", "nosniff");
    }
}
