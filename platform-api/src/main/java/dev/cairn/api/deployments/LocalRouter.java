package dev.cairn.api.deployments;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A deployment's stable endpoint on this machine: a reverse proxy on a loopback port that spreads requests over a
 * stable and a candidate track by weight (round robin inside a track), can mirror requests to the candidate, and
 * measures what each track answers (the rollout controller's evidence). A request whose server cannot be reached is
 * retried on another pick: a server that stops between the pick and the connection costs a retry, not a failed
 * request. HTTP answers, errors included, are passed back as they are.
 */
final class LocalRouter implements AutoCloseable {

    /** Where requests go now; replaced as a whole, so a request sees one consistent routing. */
    record Routing(List<Integer> stable, List<Integer> candidate, Traffic traffic, Meters meters) {
        Routing {
            stable = List.copyOf(stable);
            candidate = List.copyOf(candidate);
        }
    }

    /** Counters since the candidate started; a new set per candidate. */
    record Meters(TrackMeter stable, TrackMeter candidate, LongAdder compared, LongAdder agreed) {
        static Meters fresh() {
            return new Meters(new TrackMeter(), new TrackMeter(), new LongAdder(), new LongAdder());
        }

        Observation observation() {
            return new Observation(stable.snapshot(), candidate.snapshot(), compared.sum(), agreed.sum());
        }
    }

    private static final int ATTEMPTS = 3;

    private final HttpServer server;
    private final HttpClient client;
    private volatile Routing routing = new Routing(List.of(), List.of(), Traffic.stableOnly(), Meters.fresh());
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
    void route(Routing next) {
        this.routing = Objects.requireNonNull(next);
    }

    Routing routing() {
        return routing;
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            Routing current = routing;
            boolean preview = "candidate".equalsIgnoreCase(request.getHeader(Traffic.PREVIEW_HEADER));
            boolean toCandidate = preview || pickCandidate(current);
            Future<byte[]> answered = forward(request, body, current, toCandidate, 1);
            if (!toCandidate && current.traffic().mirror() && !current.candidate().isEmpty()) {
                mirror(request, body, current, answered);
            }
        }).onFailure(e -> request.response().setStatusCode(400).end());
    }

    /** Answers the client from the picked track; the future holds the body of a 200 answer (null otherwise). */
    private Future<byte[]> forward(HttpServerRequest request, Buffer body, Routing current, boolean toCandidate,
            int attempt) {
        boolean candidateTrack = toCandidate && !current.candidate().isEmpty();
        List<Integer> ports = candidateTrack ? current.candidate() : current.stable();
        TrackMeter meter = candidateTrack ? current.meters().candidate() : current.meters().stable();
        if (ports.isEmpty()) {
            request.response().setStatusCode(503).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end("{\"error\":\"the deployment has no ready servers\"}");
            return Future.succeededFuture(null);
        }
        long started = System.nanoTime();
        return send(request, body, ports).compose(answer -> {
            byte[] bytes = answer.body().getBytes();
            meter.record(answer.status(), System.nanoTime() - started, bytes);
            var out = request.response().setStatusCode(answer.status());
            if (answer.contentType() != null) {
                out.putHeader(HttpHeaders.CONTENT_TYPE, answer.contentType());
            }
            out.end(answer.body());
            return Future.succeededFuture(answer.status() == 200 ? bytes : null);
        }, e -> {
            if (attempt < ATTEMPTS) {
                return forward(request, body, routing, pickCandidate(routing), attempt + 1);
            }
            meter.record(0, System.nanoTime() - started, null);
            request.response().setStatusCode(502).end();
            return Future.succeededFuture(null);
        });
    }

    /** Shadow: the candidate gets a copy; its answer is measured, compared with stable's, and dropped. */
    private void mirror(HttpServerRequest request, Buffer body, Routing current, Future<byte[]> stableAnswer) {
        long started = System.nanoTime();
        TrackMeter meter = current.meters().candidate();
        Future<byte[]> shadow = send(request, body, current.candidate()).map(answer -> {
            byte[] bytes = answer.body().getBytes();
            meter.record(answer.status(), System.nanoTime() - started, bytes);
            return answer.status() == 200 ? bytes : null;
        }).recover(e -> {
            meter.record(0, System.nanoTime() - started, null);
            return Future.succeededFuture(null);
        });
        Future.all(stableAnswer, shadow).onSuccess(both -> {
            String expected = stableAnswer.result() == null ? null : TrackMeter.firstLabel(stableAnswer.result());
            String actual = shadow.result() == null ? null : TrackMeter.firstLabel(shadow.result());
            if (expected != null && actual != null) {
                current.meters().compared().increment();
                if (expected.equals(actual)) {
                    current.meters().agreed().increment();
                }
            }
        });
    }

    private record Answer(int status, String contentType, Buffer body) {
    }

    private Future<Answer> send(HttpServerRequest request, Buffer body, List<Integer> ports) {
        int port = ports.get(Math.floorMod(next.getAndIncrement(), ports.size()));
        var options = new RequestOptions().setMethod(request.method()).setHost("127.0.0.1").setPort(port)
                .setURI(request.uri()).setTimeout(Duration.ofSeconds(30).toMillis());
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null) {
            options.putHeader(HttpHeaders.CONTENT_TYPE, contentType);
        }
        return client.request(options).compose(outgoing -> outgoing.send(body))
                .compose(response -> response.body().map(answer -> new Answer(response.statusCode(),
                        response.getHeader(HttpHeaders.CONTENT_TYPE), answer)));
    }

    private static boolean pickCandidate(Routing current) {
        int share = current.traffic().candidatePercent();
        return share > 0 && !current.candidate().isEmpty()
                && (share >= 100 || ThreadLocalRandom.current().nextInt(100) < share);
    }

    @Override
    public void close() {
        server.close();
        client.close();
    }
}
