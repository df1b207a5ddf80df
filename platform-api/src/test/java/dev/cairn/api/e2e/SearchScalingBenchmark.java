package dev.cairn.api.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.oneOf;

import dev.cairn.api.TestData;
import dev.cairn.cli.stack.DevStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Not a test (surefire skips it by name): {@code bench/search-scaling.sh} runs it. The same 16-trial search with
 * one worker process and with two (each warmed up by a search of 6 trials per worker first), timed from the run's
 * submission to the search's end, in rounds that alternate the two ({@code -Dcairn.bench.repeats}, default 2); prints
 * each trial's worker and start/end so the overlap (the parallelism actually reached) shows directly, not only the
 * ratio. {@code -Dcairn.bench.rounds} sets the XGBoost rounds per trial (default 30).
 * <p>
 * Workloads ({@code -Dcairn.bench.workload}): {@code letter-xgboost} (default; XGBoost on letter, each trial a few
 * seconds of real work) or {@code churn-cart} (the old one: sub-second CART trials, dominated by fixed costs).
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "ana", roles = "data-scientist")
class SearchScalingBenchmark {
    private static final String CHURN_CART = """
            name: churn-scaling
            dataset: churn-scaling
            target: churn
            cache: false
            steps:
              split: { test: 0.2, validation: 0.2, seed: 42 }
              train:
                algorithm: cart
                search:
                  strategy: random
                  trials: 16
                  parallelism: 8
                  seed: %d
                  space: { max_depth: [4, 14], min_child_weight: { min: 1, max: 50, log: true } }
            """;
    private static final String LETTER_XGBOOST = """
            name: letter-scaling
            dataset: letter-scaling
            target: letter
            cache: false
            steps:
              split: { test: 0.2, validation: 0.2, seed: 42 }
              train:
                algorithm: xgboost
                params: { rounds: ROUNDS, threads: 1 }
                search:
                  strategy: random
                  trials: 16
                  parallelism: 8
                  seed: %d
                  space: { max_depth: [4, 8], eta: { min: 0.05, max: 0.5, log: true } }
            """;

    private static final int WARM_UP_TRIALS_PER_WORKER = 6;
    /**
     * The figures come from the run's own timestamps, so the polling only has to notice the end; it runs in the
     * control plane's JVM and is kept rare so as not to take CPU from the workers it measures.
     */
    private static final Duration POLL = Duration.ofSeconds(2);

    @Test
    void sixteenTrialsOnOneWorkerAndOnTwo() throws Exception {
        var workload = System.getProperty("cairn.bench.workload", "letter-xgboost");
        var letter = workload.equals("letter-xgboost");
        var spec = letter ? LETTER_XGBOOST.replace("ROUNDS", System.getProperty("cairn.bench.rounds", "30"))
                : CHURN_CART;
        var dataset = letter ? "letter-scaling" : "churn-scaling";
        byte[] csv = letter ? Files.readAllBytes(Path.of(System.getProperty("cairn.bench.letter",
                "/work/shared/data/letter_train.csv"))) : TestData.churnCsv();
        given().contentType("text/csv").body(csv).post("/api/datasets/" + dataset)
                .then().statusCode(oneOf(200, 201));
        System.out.printf("search-scaling: workload %s, machine load average %s%n", workload,
                Files.readString(Path.of("/proc/loadavg")).trim());
        // One worker, then two, repeated: the machine's speed drifts over minutes, and alternating lets both meet it.
        int repeats = Integer.getInteger("cairn.bench.repeats", 2);
        double oneTotal = 0;
        double twoTotal = 0;
        for (int i = 1; i <= repeats; i++) {
            var one = timed(spec, 1, 1);
            var two = timed(spec, 2, 2);
            oneTotal += one.total();
            twoTotal += two.total();
            System.out.printf("search-scaling: round %d, submission to search end: 1 worker %.1f s, 2 workers %.1f s, "
                    + "speed-up %.2fx; trials only (first start to last end) %.2fx; mean trials running at once: %.2f "
                    + "and %.2f%n", i, one.total(), two.total(), one.total() / two.total(), one.trials() / two.trials(),
                    one.concurrency(), two.concurrency());
        }
        System.out.printf("search-scaling: 16 trials, submission to search end, summed over %d rounds: "
                + "1 worker %.1f s, 2 workers %.1f s, speed-up %.2fx (target >= 1.7)%n", repeats, oneTotal, twoTotal,
                oneTotal / twoTotal);
    }

    /** @param concurrency the trials' summed run time over the span from first start to last end */
    record Timing(double total, double trials, double concurrency) {
    }

    private static Timing timed(String spec, int workers, long seed) throws Exception {
        var processes = new ArrayList<WorkerProcess>();
        try {
            for (int i = 0; i < workers; i++) {
                processes.add(WorkerProcess.start("bench-worker-" + workers + "-" + i));
            }
            // Warm-up, not timed: long-running workers have loaded their libraries and compiled their hot code; fresh
            // JVMs warming up at the same time on two cores would measure the JIT, not the platform. Each worker gets
            // the same number of warm-up trials in both phases, and the control plane, which is warm in a long-running
            // platform, has compiled its own hot code too before a timed phase starts.
            run(spec.replace("trials: 16", "trials: " + WARM_UP_TRIALS_PER_WORKER * workers), 100 + seed);
            return report(workers, run(spec, seed));
        } finally {
            for (var p : processes) {
                p.close();
            }
        }
    }

    private static JsonPath run(String spec, long seed) {
        String id = given().contentType("application/yaml")
                .body(spec.formatted(seed).getBytes(StandardCharsets.UTF_8)).post("/api/pipeline-runs")
                .then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofMinutes(20)).pollInterval(POLL).until(() -> List
                .of("SUCCEEDED", "FAILED").contains(given().get("/api/pipeline-runs/" + id).path("state")));
        return given().get("/api/pipeline-runs/" + id).then().extract().jsonPath();
    }

    private static Timing report(int workers, JsonPath run) {
        var submitted = Instant.parse(run.getString("createdAt"));
        List<Map<String, Object>> trials = run.getList("trials");
        var first = Instant.MAX;
        var last = Instant.MIN;
        long busy = 0;
        System.out.printf("search-scaling: %d worker(s), run %s, %s; trial, rung, worker, start, end (s after "
                + "submission), seconds%n", workers, run.getString("id"), run.getString("state"));
        var sorted = new ArrayList<>(trials);
        sorted.sort(Comparator.comparing(t -> Instant.parse((String) t.get("startedAt"))));
        for (var t : sorted) {
            var start = Instant.parse((String) t.get("startedAt"));
            var end = Instant.parse((String) t.get("finishedAt"));
            first = start.isBefore(first) ? start : first;
            last = end.isAfter(last) ? end : last;
            busy += Duration.between(start, end).toMillis();
            System.out.printf("search-scaling:   trial %2s rung %s %-24s %7.2f %7.2f %6.2f%n", t.get("number"),
                    t.get("rung"), t.get("worker"), seconds(submitted, start), seconds(submitted, end),
                    seconds(start, end));
        }
        double span = seconds(first, last);
        return new Timing(seconds(submitted, last), span, busy / 1000.0 / span);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
