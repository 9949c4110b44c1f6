package dev.boomer.console.layout;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Browsers ask every site for {@code /favicon.ico}, pages or not: they get the console's icon. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class FaviconController {

    private static final String ICON = "/static/favicon.png";

    private final byte[] icon = load();

    @Get(value = "/favicon.ico", produces = MediaType.IMAGE_PNG)
    HttpResponse<byte[]> favicon() {
        return HttpResponse.ok(icon).header(HttpHeaders.CACHE_CONTROL, "public, max-age=86400");
    }

    private static byte[] load() {
        try (InputStream in = FaviconController.class.getResourceAsStream(ICON)) {
            if (in == null) {
                throw new IllegalStateException("the console's icon " + ICON + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
