package dev.boomer.adapter.ai.vision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

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

    private record Answer(int status, Map<String, String> headers, String body, Duration delay) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();

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
                answer = answers.isEmpty() ? new Answer(500, Map.of(), "{\"error\":\"no answer queued\"}",
                        Duration.ZERO)
                        : answers.poll();
            }
            if (!answer.delay().isZero()) {
                try {
                    Thread.sleep(answer.delay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
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
        answers.add(new Answer(status, headers, body, Duration.ZERO));
        return this;
    }

    synchronized StubProvider answerAfter(Duration delay, String body) {
        answers.add(new Answer(200, Map.of(), body, delay));
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
        server.stop(0);
    }
}
