package dev.boomer.console.layout;

import io.micronaut.http.HttpRequest;

/** What the console needs of HTMX's request and response headers (micronaut-views-htmx is not available). */
public final class Htmx {

    public static final String REQUEST = "HX-Request";
    public static final String TRIGGER = "HX-Trigger";
    public static final String REDIRECT = "HX-Redirect";

    private Htmx() {
    }

    /** True when HTMX sent the request and wants a fragment rather than a whole page. */
    public static boolean isRequest(HttpRequest<?> request) {
        return "true".equalsIgnoreCase(request.getHeaders().get(REQUEST));
    }
}
