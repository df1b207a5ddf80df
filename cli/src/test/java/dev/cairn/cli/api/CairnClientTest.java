package dev.cairn.cli.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CairnClientTest {
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;

    /** Answers each request with the next of {@code answers}: status, then body (problem+json for errors). */
    private CairnClient answering(Authorization authorization, Object... answers) throws IOException {
        var next = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int i = Math.min(next.getAndIncrement(), answers.length / 2 - 1) * 2;
            respond(exchange, (Integer) answers[i], (String) answers[i + 1]);
        });
        server.start();
        return new CairnClient("http://127.0.0.1:" + server.getAddress().getPort(), authorization);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status < 400 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void submitsTheSpecAsYamlWithABearerToken() throws Exception {
        // Given
        var client = answering(() -> "Bearer t1", 201, "{\"id\":\"r1\",\"state\":\"PENDING\",\"steps\":[],\"unknown\":1}");
        // When
        var run = client.submit("name: churn\n");
        // Then
        assertThat(run.id()).isEqualTo("r1");
        assertThat(run.finished()).isFalse();
        assertThat(seen).containsExactly("POST /api/pipeline-runs application/yaml Bearer t1 name: churn\n");
    }

    @Test
    void fetchesANewTokenOnceWhenTheApiRefusesTheFirst() throws Exception {
        // Given
        var tokens = new AtomicInteger();
        var authorization = new Authorization() {
            private String current = "Bearer expired";

            @Override
            public String header() {
                return current;
            }

            @Override
            public void refused() {
                current = "Bearer fresh-" + tokens.incrementAndGet();
            }
        };
        var client = answering(authorization, 401, "", 200, "{\"id\":\"r1\",\"state\":\"RUNNING\"}");
        // When
        var run = client.run("r1");
        // Then
        assertThat(run.state()).isEqualTo("RUNNING");
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1)).contains("Bearer fresh-1");
    }

    @Test
    void movesAnAliasWithTheVersionAsJson() throws Exception {
        // Given
        var client = answering(() -> "Bearer t", 200, "{\"model\":\"churn\",\"alias\":\"production\",\"version\":4,"
                + "\"updatedBy\":\"service-account-cairn-ci\",\"updatedAt\":\"2026-11-23T12:00:00Z\"}");
        // When
        var alias = client.pointAlias("churn", "production", 4);
        // Then
        assertThat(alias.version()).isEqualTo(4);
        assertThat(seen).containsExactly("PUT /api/models/churn/aliases/production application/json Bearer t {\"version\":4}");
    }

    @Test
    void reportsTheProblemTitleDetailAndEachFieldError() throws Exception {
        // Given
        var client = answering(() -> "Bearer t", 400, "{\"type\":\"/problems/validation-failed\","
                + "\"title\":\"Invalid pipeline spec\",\"status\":400,\"detail\":\"2 problems\","
                + "\"errors\":[{\"field\":\"steps.train.algorithm\",\"message\":\"unknown: xgb\"},"
                + "{\"field\":\"target\",\"message\":\"must not be blank\"}]}");
        // When
        var thrown = catchThrowable(() -> client.submit("name: churn\n"));
        // Then
        assertThat(thrown).isInstanceOf(ApiException.class).hasMessage("""
                POST /api/pipeline-runs answered 400: Invalid pipeline spec
                  2 problems
                  steps.train.algorithm: unknown: xgb
                  target: must not be blank""");
        assertThat(((ApiException) thrown).status()).isEqualTo(400);
    }
}
