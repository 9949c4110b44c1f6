package dev.boomer.budgets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.boomer.domain.budget.Budget;
import dev.boomer.domain.budget.Period;
import dev.boomer.domain.budget.Standing;
import dev.boomer.domain.fixtures.InMemoryUserRepository;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.User;
import dev.boomer.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A soft-limit alert reaches the configured webhook as JSON, over real HTTP. */
class SoftLimitAlertsTest {

    @Test
    void theAlertIsPostedToTheWebhook() throws Exception {
        BlockingQueue<String> received = new ArrayBlockingQueue<>(1);
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hooks/budget", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hook.start();
        try {
            InMemoryUserRepository users = new InMemoryUserRepository();
            User carol = new User(UserId.random(), "carol", Role.OPERATOR, ZoneOffset.UTC, Instant.EPOCH);
            users.insert(carol);
            SoftLimitAlerts alerts = new SoftLimitAlerts(users, new ObjectMapper(),
                    "http://127.0.0.1:" + hook.getAddress().getPort() + "/hooks/budget");
            Budget budget = new Budget(Period.MONTHLY, ZoneOffset.UTC, Money.usd("50"), Optional.of(Money.usd("40")),
                    Optional.empty());

            alerts.softLimitPassed(new Standing(carol.id(), Optional.of(budget),
                    budget.windowAt(Instant.parse("2026-12-15T12:00:00Z")), Money.usd("40.25"), Money.usd("0")));

            String body = received.poll(10, TimeUnit.SECONDS);
            assertThat(body).isNotNull();
            @SuppressWarnings("unchecked")
            Map<String, Object> json = new ObjectMapper().readValue(body, Map.class);
            assertThat(json).containsEntry("event", "budget.soft_limit_passed").containsEntry("username", "carol")
                    .containsEntry("spentUsd", "40.25").containsEntry("softLimitUsd", "40.00")
                    .containsEntry("hardLimitUsd", "50.00").containsEntry("periodStart", "2026-12-01");
        } finally {
            hook.stop(0);
        }
    }
}
