package dev.cairn.api.pipelines;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.cairn.api.TaskTopic;
import dev.cairn.cli.stack.DevStackResource;
import dev.cairn.contracts.StepName;
import dev.cairn.contracts.TaskCommand;
import dev.cairn.contracts.TaskEvent;
import dev.cairn.contracts.TaskEvent.Status;
import dev.cairn.store.artifact.ArtifactStorage;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The control plane's side of gates, step caching and searches, with this test as the worker: it reads
 * the commands off cairn.tasks and answers on cairn.task-events.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "ana", roles = "data-scientist")
class GateCacheSearchTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ArtifactStorage storage;

    private static String spec(String dataset, String extra) {
        return """
                name: %s
                dataset: %s
                target: label
                steps:
                  split: { test: 0.25, validation: 0.25, seed: 7 }
                  train: { algorithm: cart, params: { max_depth: 3 } }
                %s""".formatted(dataset, dataset, extra);
    }

    @Test
    void aFailedGateFailsTheRunWithTheNumbersThatFailedIt() throws Exception {
        // Given
        String id = submit(dataset("gate"), spec("gate", """
                  evaluate: { metrics: [f1_macro, accuracy], gate: "f1_macro >= 0.80 and accuracy > prod.accuracy" }
                """));
        // When
        succeedUpTo(id, StepName.EVALUATE, Map.of("f1_macro", 0.72, "accuracy", 0.9));
        // Then
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/pipeline-runs/" + id).then()
                .body("state", equalTo("FAILED"))
                .body("reason", equalTo("gate failed: f1_macro 0.72 < 0.80"))
                .body("steps[4].report.gate.passed", equalTo(false))
                .body("steps[4].report.gate.notes[0]", containsString("no version holds alias 'prod'"))
                .body("model", equalTo(null)));
    }

    @Test
    void aGateThatCannotBeReadIsRefusedAtSubmission() {
        // When
        var response = yaml(dataset("gate"), spec("gate", """
                  evaluate: { metrics: [f1_macro], gate: "f1_macro >= 0.8 && accuracy > 0.5" }
                """)).post("/api/pipeline-runs");
        // Then
        response.then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("steps.evaluate.gate"))
                .body("errors.find { it.field == 'steps.evaluate.gate' }.message",
                        equalTo("at column 17: unexpected '&'"));
    }

    @Test
    void anUnchangedStepIsReusedUnlessTheSpecSaysNot() throws Exception {
        // Given: a first run whose clean step produced real artifacts
        var dataset = dataset("cache");
        String first = submit(dataset, spec("cache", ""));
        var clean = TaskTopic.commandsOfRun(first, 1, WAIT).getFirst();
        var cleaned = put("cleaned rows " + UUID.randomUUID());
        var preprocessing = put("[]" + UUID.randomUUID());
        TaskTopic.publish(event(clean, Status.SUCCEEDED, Map.of("cleaned", cleaned, "preprocessing", preprocessing),
                Map.of("rows_out", 8.0)));
        TaskTopic.commandsOfRun(first, 2, WAIT);
        // When
        String second = submit(dataset, spec("cache", ""));
        String uncached = submit(dataset, spec("cache", "cache: false\n"));
        String changed = submit(dataset, spec("cache", "  clean: { duplicates: keep }\n"));
        // Then: the second run starts at split, with the first run's outputs
        var commands = TaskTopic.commandsOfRun(second, 1, WAIT);
        assertThat(commands).extracting(TaskCommand::step).containsExactly(StepName.SPLIT);
        assertThat(commands.getFirst().inputs()).containsEntry("cleaned", cleaned);
        given().get("/api/pipeline-runs/" + second).then()
                .body("steps[0].state", equalTo("SUCCEEDED"))
                .body("steps[0].cached", equalTo(true))
                .body("steps[0].cachedFrom", equalTo(first))
                .body("steps[0].metrics.rows_out", equalTo(8.0f))
                .body("steps[1].cached", equalTo(false));
        assertThat(TaskTopic.commandsOfRun(uncached, 1, WAIT)).extracting(TaskCommand::step)
                .containsExactly(StepName.CLEAN);
        assertThat(TaskTopic.commandsOfRun(changed, 1, WAIT)).extracting(TaskCommand::step)
                .containsExactly(StepName.CLEAN);
        List.of(first, second, uncached, changed).forEach(GateCacheSearchTest::cancel);
    }

    @Test
    void aSearchRunsEachTrialAsItsOwnTaskAndTrainsOnWithTheBest() throws Exception {
        // Given: a grid of three depths, two trials at a time
        String id = submit(dataset("search"), spec("search", "").replace(
                "train: { algorithm: cart, params: { max_depth: 3 } }",
                "train: { algorithm: cart, search: { strategy: grid, parallelism: 2, objective: f1_macro, "
                        + "space: { max_depth: [2, 4] } } }"));
        succeedUpTo(id, StepName.TRAIN, Map.of());
        var firstTwo = trials(id, 2);
        // When: depth 2 scores 0.6, depth 3 scores 0.8 (reported twice: a redelivery), then depth 4 scores 0.7
        answer(firstTwo.get(0), 0.6);
        answer(firstTwo.get(1), 0.8);
        answer(firstTwo.get(1), 0.8);
        var third = trials(id, 3).getLast();
        answer(third, 0.7);
        // Then
        assertThat(firstTwo).extracting(c -> c.spec().steps().train().params().get("max_depth"))
                .containsExactly(2, 3);
        assertThat(firstTwo.get(0).taskId()).isNotEqualTo(firstTwo.get(1).taskId());
        assertThat(firstTwo.get(0).spec().steps().train().search()).isNull();
        assertThat(third.spec().steps().train().params()).containsEntry("max_depth", 4);
        var evaluate = TaskTopic.commandsOfRun(id, 6, WAIT).stream().filter(c -> c.step() == StepName.EVALUATE)
                .findFirst().orElseThrow();
        assertThat(evaluate.inputs()).containsEntry("model", model(firstTwo.get(1)));
        given().get("/api/pipeline-runs/" + id).then()
                .body("trials", hasSize(3))
                .body("trials.objective", equalTo(List.of(0.6f, 0.8f, 0.7f)))
                .body("steps[2].state", equalTo("SUCCEEDED"))
                .body("steps[2].report.search.best.trial", equalTo(1))
                .body("steps[2].metrics.validation_f1_macro", equalTo(0.8f));
        String child = given().get("/api/pipeline-runs/" + id).then().extract().path("trials[1].trackingRunId");
        String parent = given().get("/api/pipeline-runs/" + id).then().extract().path("trackingRunId");
        given().get("/api/runs/" + child).then().body("params.'train.max_depth'", equalTo("3"))
                .body("tags.parent_run_id", equalTo(parent))
                .body("metrics.validation_f1_macro.value", equalTo(0.8f));
        cancel(id);
    }

    @Test
    void aSearchNeedsValidationRowsAndKnownParameters() {
        // When
        var response = yaml(dataset("search"), spec("search", "").replace("validation: 0.25, ", "").replace(
                "train: { algorithm: cart, params: { max_depth: 3 } }",
                "train: { algorithm: cart, search: { strategy: bayes, space: { depth: [2, 4], max_depth: [1, 2, 3] } } }"))
                .post("/api/pipeline-runs");
        // Then
        response.then().statusCode(422)
                .body("errors.field", hasItem("steps.split.validation"))
                .body("errors.field", hasItem("steps.train.search.strategy"))
                .body("errors.field", hasItem("steps.train.search.space.depth"))
                .body("errors.field", hasItem("steps.train.search.space.max_depth"));
    }

    private static List<TaskCommand> trials(String id, int count) throws Exception {
        // Trials are keyed by task, so they may arrive in any order across partitions: sorted by depth here.
        return TaskTopic.commandsOfRun(id, 2 + count, WAIT).stream().filter(c -> c.step() == StepName.TRAIN)
                .sorted(java.util.Comparator.comparingInt(
                        c -> ((Number) c.spec().steps().train().params().get("max_depth")).intValue()))
                .toList();
    }

    private static String model(TaskCommand trial) {
        return "m" + trial.taskId().substring(0, 8);
    }

    private static void answer(TaskCommand trial, double f1) throws Exception {
        TaskTopic.publish(event(trial, Status.SUCCEEDED, Map.of("model", model(trial), "payload", "p"),
                Map.of("validation_f1_macro", f1)));
    }

    /** Answers every step before {@code last} with made-up outputs, and {@code last} with {@code metrics}. */
    private static void succeedUpTo(String id, StepName last, Map<String, Double> metrics) throws Exception {
        for (int i = 0; i <= last.ordinal(); i++) {
            var command = TaskTopic.commandsOfRun(id, i + 1, WAIT).get(i);
            var outputs = Map.of(command.step().name().toLowerCase(), "o" + i, "model", "m" + i);
            if (command.step() != last || last != StepName.TRAIN) {
                TaskTopic.publish(event(command, Status.SUCCEEDED, outputs,
                        command.step() == last ? metrics : Map.of()));
            }
        }
    }

    private String put(String content) throws Exception {
        return storage.put(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))).sha256();
    }

    /** A small dataset of its own per test, so runs of other tests never share its cache entries. */
    private static String dataset(String name) {
        var rows = new StringBuilder("x,label\n");
        for (int i = 0; i < 16; i++) {
            rows.append(i).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        rows.append("99,").append(name).append('\n');
        given().contentType("text/csv").body(rows.toString())
                .post("/api/datasets/" + name).then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(200)));
        return name;
    }

    private static io.restassured.specification.RequestSpecification yaml(String dataset, String spec) {
        return given().contentType("application/yaml").body(spec.getBytes(StandardCharsets.UTF_8));
    }

    private static String submit(String dataset, String spec) {
        return yaml(dataset, spec).post("/api/pipeline-runs").then().statusCode(201).extract().path("id");
    }

    private static void cancel(String id) {
        given().post("/api/pipeline-runs/" + id + "/cancel");
    }

    private static TaskEvent event(TaskCommand command, Status status, Map<String, String> outputs,
            Map<String, Double> metrics) {
        return new TaskEvent(1, command.taskId(), command.attempt(), command.runId(), command.step(), status, null,
                outputs, metrics, Map.of(), "test-worker", Instant.now());
    }
}
