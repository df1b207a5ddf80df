package dev.cairn.api.deployments;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deployment's stable endpoint on this machine: a reverse proxy on a loopback port that spreads requests over
 * groups of inference servers by weight (a group is one version's replicas; round robin inside a group). A request
 * whose server cannot be reached is retried on another pick: a server that stops between the pick and the
 * connection costs a retry, not a failed request. HTTP answers, errors included, are passed back as they are.
 */
final class LocalRouter implements AutoCloseable {

    /** One version's servers and the share of traffic they get. */
    record Group(List<Integer> ports, int weight) {
    }

    private static final int ATTEMPTS = 3;

    private final HttpServer server;
    private final HttpClient client;
    private volatile List<Group> groups = List.of();
    private final AtomicInteger next = new AtomicInteger();

    private LocalRouter(Vertx vertx) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(64).setKeepAlive(true)
                .setConnectTimeout(1000));
        this.server = vertx.createHttpServer().requestHandler(this::handle);
    }

    static LocalRouter start(Vertx vertx) {
        var router = new LocalRouter(vertx);
        try {
            router.server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new RuntimeUnavailableException("cannot open the deployment's endpoint: " + e.getMessage(), e);
        }
        return router;
    }

    int port() {
        return server.actualPort();
    }

    /** Takes effect for the next request; requests already sent finish where they went. */
    void route(List<Group> weighted) {
        this.groups = List.copyOf(weighted);
    }

    List<Group> routes() {
        return groups;
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> forward(request, body, 1))
                .onFailure(e -> request.response().setStatusCode(400).end());
    }

    private void forward(HttpServerRequest request, Buffer body, int attempt) {
        int port = pick();
        if (port < 0) {
            request.response().setStatusCode(503).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end("{\"error\":\"the deployment has no ready servers\"}");
            return;
        }
        var options = new RequestOptions().setMethod(request.method()).setHost("127.0.0.1").setPort(port)
                .setURI(request.uri()).setTimeout(Duration.ofSeconds(30).toMillis());
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null) {
            options.putHeader(HttpHeaders.CONTENT_TYPE, contentType);
        }
        client.request(options).compose(outgoing -> outgoing.send(body))
                .compose(response -> response.body().map(answer -> reply(request, response, answer)))
                .onFailure(e -> {
                    if (attempt < ATTEMPTS) {
                        forward(request, body, attempt + 1);
                    } else {
                        request.response().setStatusCode(502).end();
                    }
                });
    }

    private Void reply(HttpServerRequest request, HttpClientResponse response, Buffer answer) {
        var out = request.response().setStatusCode(response.statusCode());
        String contentType = response.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null) {
            out.putHeader(HttpHeaders.CONTENT_TYPE, contentType);
        }
        out.end(answer);
        return null;
    }

    /** A port by weight, or -1 when nothing is routed. */
    private int pick() {
        List<Group> current = groups;
        int total = current.stream().mapToInt(Group::weight).sum();
        if (total <= 0) {
            return -1;
        }
        int ticket = ThreadLocalRandom.current().nextInt(total);
        for (Group group : current) {
            ticket -= group.weight();
            if (ticket < 0 && !group.ports().isEmpty()) {
                return group.ports().get(Math.floorMod(next.getAndIncrement(), group.ports().size()));
            }
        }
        return -1;
    }

    @Override
    public void close() {
        server.close();
        client.close();
    }
}
