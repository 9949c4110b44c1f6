package dev.boomer.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.http.cookie.Cookie;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser without JavaScript: session cookie, form posts, and every answer returned rather than thrown. */
final class ConsoleClient {

    static final String SESSION_COOKIE = "BOOMER_SESSION";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");

    private final BlockingHttpClient http;
    private String session;

    ConsoleClient(HttpClient http) {
        this.http = http.toBlocking();
    }

    /** Signs in through the real login form; the answer is the login redirect. */
    HttpResponse<String> login(String username, String password) {
        HttpResponse<String> response = send(HttpRequest.POST("/login",
                        Map.of("username", username, "password", password))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        sessionOf(response).ifPresent(value -> session = value);
        return response;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE));
    }

    HttpResponse<String> getFragment(String path) {
        return send(HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE).header("HX-Request", "true"));
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) {
        return send(HttpRequest.POST(path, fields).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
    }

    HttpResponse<String> postMultipart(String path, MultipartBody body) {
        return send(HttpRequest.POST(path, body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    /** The CSRF token the console prints in its forms for this session (the layout's sign-out form has it). */
    String csrfToken() {
        String page = get("/items").body();
        Matcher matcher = CSRF_FIELD.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no csrfToken field on the items page:\n" + page);
        }
        return matcher.group(1);
    }

    String session() {
        return session;
    }

    void useSession(String value) {
        session = value;
    }

    HttpResponse<String> send(MutableHttpRequest<?> request) {
        if (session != null) {
            request.cookie(Cookie.of(SESSION_COOKIE, session));
        }
        try {
            return http.exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> response = (HttpResponse<String>) e.getResponse();
            return new FailedResponse(response, e.getResponse().getBody(String.class).orElse(""));
        }
    }

    static Optional<String> sessionOf(HttpResponse<?> response) {
        return response.getHeaders().getAll("Set-Cookie").stream()
                .filter(header -> header.startsWith(SESSION_COOKIE + "="))
                .map(header -> header.substring(SESSION_COOKIE.length() + 1).split(";", 2)[0])
                .filter(value -> !value.isEmpty())
                .findFirst();
    }

    /** A 4xx/5xx answer with its body as text. */
    private static final class FailedResponse extends io.micronaut.http.HttpResponseWrapper<String> {
        private final String body;

        FailedResponse(HttpResponse<String> delegate, String body) {
            super(delegate);
            this.body = body;
        }

        @Override
        public String body() {
            return body;
        }

        @Override
        public Optional<String> getBody() {
            return Optional.of(body);
        }
    }
}
