package dev.cairn.api.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A worker dies mid-search (SIGKILL) and another one takes over: the search finishes, the trials that had
 * finished are not run again, and no configuration is scheduled twice.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "ana", roles = "data-scientist")
class SearchWorkerRestartEndToEndTest {
    /** The broker's smallest session timeout, so the group notices the dead worker in seconds, not 45. */
    private static final List<String> QUICK_GROUP = List.of("mp.messaging.incoming.tasks.session.timeout.ms=6000",
            "mp.messaging.incoming.tasks.heartbeat.interval.ms=1000");
    private WorkerProcess first;
    private WorkerProcess second;

    @AfterEach
    void stopWorkers() throws Exception {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aSearchFinishesOnAnotherWorkerWithoutRepeatingFinishedTrials() throws Exception {
        // Given: a search under way on one worker, two trials finished
        first = WorkerProcess.start("worker-restart-first", QUICK_GROUP);
        given().contentType("text/csv").body(TestData.churnCsv()).post("/api/datasets/churn-restart")
                .then().statusCode(oneOf(200, 201));
        String id = given().contentType("application/yaml").body("""
                name: churn-restart
                dataset: churn-restart
                target: churn
                cache: false
                steps:
                  split: { test: 0.2, validation: 0.2, seed: 3 }
                  train:
                    algorithm: cart
                    search:
                      strategy: random
                      trials: 10
                      parallelism: 2
                      space: { max_depth: [2, 10], min_child_weight: { min: 1, max: 300, log: true } }
                """.getBytes(StandardCharsets.UTF_8)).post("/api/pipeline-runs").then().statusCode(201)
                .extract().path("id");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> succeeded(view(id)).size() >= 2);
        // When: the worker crashes, and a new one starts
        first.kill();
        var beforeCrash = succeeded(view(id));
        second = WorkerProcess.start("worker-restart-second", QUICK_GROUP);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                .until(() -> List.of("SUCCEEDED", "FAILED").contains(view(id).getString("state")));
        // Then
        var run = view(id);
        assertThat(run.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(run.getList("trials")).hasSize(10);
        assertThat(run.getList("trials.config")).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(run.getList("trials.state")).containsOnly("SUCCEEDED");
        var after = succeeded(run);
        beforeCrash.forEach((number, finish) -> assertThat(after.get(number)).as("trial %s", number)
                .isEqualTo(finish));
        List<String> workers = run.getList("trials.worker");
        assertThat(workers.stream().distinct().count()).isEqualTo(2);
        assertThat(run.getString("model.name")).isEqualTo("churn-restart");
    }

    private static JsonPath view(String id) {
        return given().get("/api/pipeline-runs/" + id).then().extract().jsonPath();
    }

    /** Trial number to "worker at finish time" of every trial that succeeded so far. */
    private static Map<Integer, String> succeeded(JsonPath run) {
        var done = new HashMap<Integer, String>();
        List<Map<String, Object>> trials = run.getList("trials");
        for (var trial : trials) {
            if ("SUCCEEDED".equals(trial.get("state"))) {
                done.put((Integer) trial.get("number"), trial.get("worker") + " at " + trial.get("finishedAt"));
            }
        }
        return done;
    }
}
