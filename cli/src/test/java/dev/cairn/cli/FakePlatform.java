package dev.cairn.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * platform-api and an OIDC server in one loopback HTTP server, answering what a test scripts: the CLI's commands run
 * against it as they would in CI ({@link #ciEnvironment()}). The token endpoint accepts client {@code cairn-ci}
 * with secret {@code s3cret}; each token it issues is {@code token-<n>} and lives {@link #tokenLifetimeSeconds}.
 */
public final class FakePlatform implements AutoCloseable {
    public static final String SECRET = "s3cret";

    private final HttpServer server;
    private final Map<String, Deque<String[]>> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    public volatile int tokenLifetimeSeconds = 300;

    public FakePlatform() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/realms/cairn/.well-known/openid-configuration", exchange -> respond(exchange, 200,
                "{\"issuer\":\"" + issuer() + "\",\"token_endpoint\":\"" + issuer() + "/protocol/openid-connect/token\"}"));
        server.createContext("/realms/cairn/protocol/openid-connect/token", this::token);
        server.createContext("/api/", this::api);
        server.start();
    }

    /** The next answer to {@code method path} (later calls get the last one again). */
    public FakePlatform answer(String method, String path, int status, String body) {
        answers.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).add(new String[] {Integer.toString(status), body});
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String issuer() {
        return url() + "/realms/cairn";
    }

    /** What a CI job sets: the API, the issuer, and the CI client's credentials. */
    public Map<String, String> ciEnvironment() {
        return Map.of("CAIRN_API_URL", url(), "CAIRN_OIDC_URL", issuer(), "CAIRN_CLIENT_ID", "cairn-ci",
                "CAIRN_CLIENT_SECRET", SECRET);
    }

    /** {@code METHOD path Authorization body}, in order; the token endpoint's are not included. */
    public List<String> requests() {
        return requests;
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString(("cairn-ci:" + SECRET).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client or Invalid client credentials\"}");
            return;
        }
        respond(exchange, 200, "{\"access_token\":\"token-" + tokensIssued.incrementAndGet() + "\",\"expires_in\":"
                + tokenLifetimeSeconds + ",\"token_type\":\"Bearer\"}");
    }

    private void api(HttpExchange exchange) throws IOException {
        String call = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        requests.add(call + " " + exchange.getRequestHeaders().getFirst("Authorization") + " "
                + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Deque<String[]> queue = answers.get(call);
        if (queue == null || queue.isEmpty()) {
            respond(exchange, 404, "{\"title\":\"Not found\",\"status\":404,\"detail\":\"No answer scripted for " + call + "\"}");
            return;
        }
        String[] answer = queue.size() > 1 ? queue.poll() : queue.peek();
        respond(exchange, Integer.parseInt(answer[0]), answer[1]);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status < 400 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
