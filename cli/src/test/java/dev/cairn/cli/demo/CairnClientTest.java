package dev.cairn.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cairn.cli.launch.Credentials;

class CairnClientTest {
    private final AtomicReference<String> seen = new AtomicReference<>();
    private HttpServer server;

    private CairnClient answering(int status, String contentType, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            seen.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            respond(exchange, status, contentType, body);
        });
        server.start();
        return new CairnClient("http://127.0.0.1:" + server.getAddress().getPort(), new Credentials("cairn", "pw"));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void submitsTheSpecAsYamlWithTheLocalUser() throws Exception {
        // Given
        var client = answering(201, "application/json", "{\"id\":\"r1\",\"state\":\"PENDING\",\"steps\":[],\"unknown\":1}");
        // When
        var run = client.submit("name: churn\n");
        // Then
        assertThat(run.id()).isEqualTo("r1");
        assertThat(run.finished()).isFalse();
        assertThat(seen.get()).isEqualTo("POST /api/pipeline-runs application/yaml Basic Y2Fpcm46cHc= name: churn\n");
    }

    @Test
    void reportsTheProblemTitleDetailAndErrors() throws Exception {
        // Given
        var client = answering(400, "application/problem+json", "{\"type\":\"/problems/validation-failed\","
                + "\"title\":\"Invalid pipeline spec\",\"status\":400,\"detail\":\"1 problem\","
                + "\"errors\":[{\"field\":\"steps.train.algorithm\",\"message\":\"unknown: xgb\"}]}");
        // When
        var thrown = catchThrowable(() -> client.submit("name: churn\n"));
        // Then
        assertThat(thrown).isInstanceOf(CairnClient.ApiException.class)
                .hasMessage("POST /api/pipeline-runs answered 400: Invalid pipeline spec: 1 problem "
                        + "[field=steps.train.algorithm, message=unknown: xgb]");
    }
}
