package dev.boomer.adapter.market.ebay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local eBay that speaks the documented shapes of the OAuth token, Browse search, Taxonomy and item
 * condition policy endpoints, their answers and their errors (401 invalid token, 429 with its body, 500),
 * and records what it was asked.
 */
public final class EbayStub implements AutoCloseable {

    public static final String CLIENT_ID = "Boomer-Test-PRD-0123456789";
    public static final String CLIENT_SECRET = "PRD-0123456789ab-cdef-0123-4567-89ab";

    /** One answer: a status, a JSON body and headers. */
    public record Reply(int status, String body, Map<String, String> headers) {
        public static Reply json(int status, String body) {
            return new Reply(status, body, Map.of());
        }
    }

    /** One request the stub received. */
    public record Seen(String method, String path, Map<String, String> query, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().getFirst()).orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Deque<Reply> searchReplies = new ArrayDeque<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile Reply searchDefault = Reply.json(200, resource("search-nikon-f3.json"));
    private volatile Reply tokenFailure;
    private volatile long tokenLifeSeconds = 7200;
    private volatile CountDownLatch tokenGate = new CountDownLatch(0);

    public EbayStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(EbayAccessTokens.TOKEN_PATH, this::token);
        server.createContext(EbayMarketData.SEARCH_PATH, this::search);
        server.createContext("/commerce/taxonomy/v1/", this::taxonomy);
        server.createContext(EbayTaxonomy.METADATA_PATH, this::taxonomy);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next searches answer these, in order; then the default answer again. */
    public synchronized EbayStub thenSearch(Reply... replies) {
        searchReplies.addAll(List.of(replies));
        return this;
    }

    public EbayStub searchAlways(Reply reply) {
        searchDefault = reply;
        return this;
    }

    public EbayStub tokenFails(Reply reply) {
        tokenFailure = reply;
        return this;
    }

    public EbayStub tokensLive(long seconds) {
        tokenLifeSeconds = seconds;
        return this;
    }

    /**
     * Token requests wait until the returned action opens the gate: a test lines its callers up behind a
     * grant in flight, then lets it answer.
     */
    public Runnable holdTokens() {
        CountDownLatch gate = new CountDownLatch(1);
        tokenGate = gate;
        return gate::countDown;
    }

    /** The access token the n-th grant issued (1-based). */
    public static String issued(int n) {
        return "v^1.1#i^1#stub-token-" + n;
    }

    public int tokenRequests() {
        return (int) seen.stream().filter(s -> s.path().equals(EbayAccessTokens.TOKEN_PATH)).count();
    }

    public List<Seen> searches() {
        return seen.stream().filter(s -> s.path().equals(EbayMarketData.SEARCH_PATH)).toList();
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void token(HttpExchange exchange) throws IOException {
        Seen request = record(exchange);
        try {
            if (!tokenGate.await(30, TimeUnit.SECONDS)) {
                throw new IOException("the test never opened the token gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (tokenFailure != null) {
            reply(exchange, tokenFailure);
        } else if (!expected.equals(request.header("Authorization"))
                || !"POST".equals(request.method())
                || !request.body().contains("grant_type=client_credentials")) {
            reply(exchange, Reply.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed\"}"));
        } else {
            int n = tokensIssued.incrementAndGet();
            reply(exchange, Reply.json(200, "{\"access_token\":\"" + issued(n) + "\",\"expires_in\":" + tokenLifeSeconds
                    + ",\"token_type\":\"Application Access Token\"}"));
        }
    }

    private void search(HttpExchange exchange) throws IOException {
        Seen request = record(exchange);
        Reply next;
        synchronized (this) {
            next = searchReplies.isEmpty() ? searchDefault : searchReplies.poll();
        }
        String bearer = request.header("Authorization");
        if (bearer == null || !bearer.startsWith("Bearer v^1.1#i^1#stub-token-")) {
            next = Reply.json(401, resource("error-invalid-token.json"));
        }
        reply(exchange, next);
    }

    /**
     * Tree 0 (EBAY_US): film cameras for any words but "unobtainium", the film cameras' aspects, and their
     * item condition policy (Sell Metadata API); other categories have none.
     */
    private void taxonomy(HttpExchange exchange) throws IOException {
        Seen request = record(exchange);
        String path = request.path();
        Reply reply;
        if (request.header("Authorization") == null || !request.header("Authorization").startsWith("Bearer ")) {
            reply = Reply.json(401, resource("error-invalid-token.json"));
        } else if (path.equals(EbayTaxonomy.TREE_ID_PATH)) {
            reply = Reply.json(200, "{\"categoryTreeId\":\"0\",\"categoryTreeVersion\":\"130\"}");
        } else if (path.equals(EbayTaxonomy.TREES_PATH + "0/get_category_suggestions")) {
            String q = request.query().getOrDefault("q", "");
            // eBay answers 204 without a body when it has no suggestion
            reply = q.isBlank() ? Reply.json(400, resource("error-missing-q.json"))
                    : q.contains("unobtainium") ? new Reply(204, "", Map.of())
                    : Reply.json(200, resource("suggestions-film-cameras.json"));
        } else if (path.equals(EbayTaxonomy.TREES_PATH + "0/get_item_aspects_for_category")) {
            reply = "15230".equals(request.query().get("category_id"))
                    ? Reply.json(200, resource("aspects-film-cameras.json"))
                    : Reply.json(400, resource("error-invalid-category.json"));
        } else if (path.equals(EbayTaxonomy.METADATA_PATH + "EBAY_US/get_item_condition_policies")) {
            reply = "categoryIds:{15230}".equals(request.query().get("filter"))
                    ? Reply.json(200, resource("condition-policy-film-cameras.json"))
                    : Reply.json(200, resource("condition-policy-none.json"));
        } else {
            reply = Reply.json(404, "{\"errors\":[{\"errorId\":2002,\"message\":\"Resource not found\"}]}");
        }
        reply(exchange, reply);
    }

    public List<Seen> taxonomyCalls() {
        return seen.stream().filter(s -> s.path().startsWith("/commerce/taxonomy/")).toList();
    }

    public List<Seen> conditionPolicyCalls() {
        return seen.stream().filter(s -> s.path().startsWith(EbayTaxonomy.METADATA_PATH)).toList();
    }

    private Seen record(HttpExchange exchange) throws IOException {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Seen request = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), query,
                Map.copyOf(exchange.getRequestHeaders()), body);
        seen.add(request);
        return request;
    }

    private static void reply(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public static String resource(String name) {
        try (InputStream in = EbayStub.class.getResourceAsStream("/ebay/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource ebay/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
