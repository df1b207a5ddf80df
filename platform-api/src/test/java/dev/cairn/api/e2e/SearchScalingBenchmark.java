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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Not a test (surefire skips it by name): {@code bench/search-scaling.sh} runs it. The same 16-trial search
 * on churn with one worker process and with two; prints the wall-clock times and their ratio.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "ana", roles = "data-scientist")
class SearchScalingBenchmark {
    private static final String SPEC = """
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

    @Test
    void sixteenTrialsOnOneWorkerAndOnTwo() throws Exception {
        given().contentType("text/csv").body(TestData.churnCsv()).post("/api/datasets/churn-scaling")
                .then().statusCode(oneOf(200, 201));
        double one = timed(1, 1);
        double two = timed(2, 2);
        System.out.printf("search-scaling: 16 trials, 1 worker %.1f s, 2 workers %.1f s, speed-up %.2fx (target >= 1.7)%n",
                one, two, one / two);
    }

    /** Seconds from the first trial's start to the last trial's end, so data preparation is not counted. */
    private static double timed(int workers, long seed) throws Exception {
        var processes = new ArrayList<WorkerProcess>();
        try {
            for (int i = 0; i < workers; i++) {
                processes.add(WorkerProcess.start("bench-worker-" + workers + "-" + i));
            }
            String id = given().contentType("application/yaml")
                    .body(SPEC.formatted(seed).getBytes(StandardCharsets.UTF_8)).post("/api/pipeline-runs")
                    .then().statusCode(201).extract().path("id");
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() -> List
                    .of("SUCCEEDED", "FAILED").contains(given().get("/api/pipeline-runs/" + id).path("state")));
            var run = given().get("/api/pipeline-runs/" + id).then().extract().jsonPath();
            List<String> starts = run.getList("trials.startedAt");
            List<String> ends = run.getList("trials.finishedAt");
            var first = starts.stream().map(java.time.Instant::parse).min(java.time.Instant::compareTo).orElseThrow();
            var last = ends.stream().map(java.time.Instant::parse).max(java.time.Instant::compareTo).orElseThrow();
            return Duration.between(first, last).toMillis() / 1000.0;
        } finally {
            for (var p : processes) {
                p.close();
            }
        }
    }
}
