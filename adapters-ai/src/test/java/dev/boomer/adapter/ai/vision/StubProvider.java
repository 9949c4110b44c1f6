package dev.boomer.adapter.ai.vision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on a free local port that answers like a provider: each request gets the next queued
 * answer (status, headers, body), and every request is kept for the test to inspect.
 */
final class StubProvider implements AutoCloseable {

    record Received(String method, String path, Map<String, List<String>> headers, JsonNode body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    /**
     * @param hang the server holds the request open until the stub is closed, as a provider that never answers
     * @param drop the server starts an answer and breaks the connection halfway through it
     */
    private record Answer(int status, Map<String, String> headers, String body, boolean hang, boolean drop) {
        Answer(int status, Map<String, String> headers, String body) {
            this(status, headers, body, false, false);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    StubProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] request = exchange.getRequestBody().readAllBytes();
            Answer answer;
            synchronized (this) {
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        Map.copyOf(exchange.getRequestHeaders()), JSON.readTree(request)));
                answer = answers.isEmpty() ? new Answer(500, Map.of(), "{\"error\":\"no answer queued\"}")
                        : answers.poll();
            }
            if (answer.hang()) {
                try {
                    closed.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            if (answer.drop()) {
                exchange.sendResponseHeaders(200, 10_000); // promises more than it sends
                exchange.getResponseBody().write(body, 0, Math.min(body.length, 10));
                exchange.getResponseBody().flush();
                exchange.close();
                return;
            }
            answer.headers().forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try {
                exchange.getResponseBody().write(body);
            } catch (IOException clientGone) {
                // the client timed out and closed the connection; nothing to answer
            }
            exchange.close();
        });
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized StubProvider answer(int status, String body) {
        return answer(status, Map.of(), body);
    }

    synchronized StubProvider answer(int status, Map<String, String> headers, String body) {
        answers.add(new Answer(status, headers, body));
        return this;
    }

    /** The next request gets no answer at all while the stub is open. */
    synchronized StubProvider neverAnswer() {
        answers.add(new Answer(200, Map.of(), "{}", true, false));
        return this;
    }

    /** The next request's answer breaks off after its first bytes, as a dropped connection. */
    synchronized StubProvider dropConnection() {
        answers.add(new Answer(200, Map.of(), "{\"id\":\"msg_dropped\",\"content\":[]}", false, true));
        return this;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    synchronized Received last() {
        return received.getLast();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
