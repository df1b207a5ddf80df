package dev.cairn.api.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.oneOf;

import dev.cairn.api.TaskTopic;
import dev.cairn.api.TestData;
import dev.cairn.cli.stack.DevStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The control plane dies mid-search (SIGKILL) and a new one takes over: the search finishes, the trials that had
 * finished are neither run again nor sent again, and no configuration is scheduled twice.
 * <p>
 * The orchestrating side is real and separate: platform-api's packaged app in its own JVM (hence a failsafe IT: the
 * jar exists only after {@code package}), consuming {@code cairn.task-events} and relaying its outbox, killed with
 * SIGKILL and started again over the same PostgreSQL and Kafka. This test's own in-JVM app only takes the API calls
 * (submit, read): its event consumer listens on an unused topic, so it never advances the run itself.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@TestProfile(SearchControlPlaneRestartIT.ApiOnly.class)
@TestSecurity(user = "ana", roles = "data-scientist")
class SearchControlPlaneRestartIT {
    private static final Path JAR = Path.of(System.getProperty("basedir", "."), "target", "quarkus-app",
            "quarkus-run.jar");
    /** The broker's smallest session timeout, so the group notices the dead control plane in seconds, not 45. */
    private static final List<String> QUICK_GROUP = List.of(
            "mp.messaging.incoming.task-events.session.timeout.ms=6000",
            "mp.messaging.incoming.task-events.heartbeat.interval.ms=1000");

    public static class ApiOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.task-events.topic", "cairn.task-events.not-here",
                    "mp.messaging.incoming.task-events.group.id", "cairn-platform-api-not-here");
        }
    }

    private WorkerProcess worker;
    private WorkerProcess firstControlPlane;
    private WorkerProcess secondControlPlane;

    @AfterEach
    void stopProcesses() throws Exception {
        for (var process : new WorkerProcess[] { secondControlPlane, firstControlPlane, worker }) {
            if (process != null) {
                process.close();
            }
        }
    }

    @Test
    void aSearchFinishesUnderANewControlPlaneWithoutRepeatingFinishedTrials() throws Exception {
        // Given: a search under way, orchestrated by a control plane in its own process, three trials finished
        worker = WorkerProcess.start("worker-cp-restart");
        firstControlPlane = controlPlane("control-plane-first");
        given().contentType("text/csv").body(TestData.churnCsv()).post("/api/datasets/churn-cp-restart")
                .then().statusCode(oneOf(200, 201));
        String id = given().contentType("application/yaml").body("""
                name: churn-cp-restart
                dataset: churn-cp-restart
                target: churn
                cache: false
                steps:
                  split: { test: 0.2, validation: 0.2, seed: 5 }
                  train:
                    algorithm: random-forest
                    params: { trees: 10 }
                    search:
                      strategy: random
                      trials: 10
                      parallelism: 2
                      space: { max_depth: [2, 12] }
                """.getBytes(StandardCharsets.UTF_8)).post("/api/pipeline-runs").then().statusCode(201)
                .extract().path("id");
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(100))
                .until(() -> succeeded(view(id)).size() >= 3);
        // When: the control plane crashes; the worker finishes what it holds meanwhile; a new control plane starts
        firstControlPlane.kill();
        var beforeCrash = succeeded(view(id));
        assertThat(view(id).getString("state")).isEqualTo("RUNNING");
        Thread.sleep(2_000);
        secondControlPlane = controlPlane("control-plane-second");
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(250))
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
        // Each finished trial's task went out once: the new control plane sent none of them again.
        var sent = TaskTopic.commandsOfRun(id, 3 + 10, Duration.ofSeconds(20)).stream()
                .collect(Collectors.groupingBy(c -> c.taskId(), Collectors.counting()));
        List<Map<String, Object>> trials = run.getList("trials");
        var taskOf = trials.stream().collect(Collectors.toMap(t -> (Integer) t.get("number"),
                Function.identity()));
        assertThat(sent.values()).as("commands per task").containsOnly(1L);
        assertThat(sent).hasSize(3 + 10); // clean, split, evaluate and the ten trials
        assertThat(taskOf).hasSize(10);
        assertThat(run.getString("model.name")).isEqualTo("churn-cp-restart");
    }

    /** platform-api as {@code ./cairn up} runs it, on the test's database and broker; no identity provider needed. */
    private static WorkerProcess controlPlane(String name) throws Exception {
        var config = ConfigProvider.getConfig();
        var env = new HashMap<String, String>();
        env.put("CAIRN_DB_URL", config.getValue("quarkus.datasource.jdbc.url", String.class));
        env.put("CAIRN_DB_USER", config.getValue("quarkus.datasource.username", String.class));
        env.put("CAIRN_DB_PASSWORD", config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
        // Nothing listens there: this process takes no API calls, it only orchestrates.
        env.put("CAIRN_OIDC_URL", "http://127.0.0.1:9/realms/cairn");
        return WorkerProcess.start(JAR, "control plane", name, QUICK_GROUP, env);
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
