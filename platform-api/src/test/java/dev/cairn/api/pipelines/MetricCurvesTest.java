package dev.cairn.api.pipelines;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.cairn.api.TaskTopic;
import dev.cairn.cli.stack.DevStackResource;
import dev.cairn.contracts.ColumnType;
import dev.cairn.contracts.StepName;
import dev.cairn.contracts.TaskCommand;
import dev.cairn.contracts.TaskEvent;
import dev.cairn.contracts.TaskEvent.Status;
import dev.cairn.store.artifact.ArtifactStorage;
import dev.cairn.store.model.InputFeature;
import dev.cairn.store.model.MlpModel;
import dev.cairn.store.model.MlpWeights;
import dev.cairn.store.model.ModelManifest;
import dev.cairn.store.model.ModelPackages;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An MLP run whose train step reports per-epoch curves (this test is the worker, on the real cairn.task-events topic):
 * each curve becomes the tracked run's metric history with step = epoch, read back through the runs API.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "ana", roles = "data-scientist")
class MetricCurvesTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SPEC = """
            name: curves
            dataset: curves
            target: label
            steps:
              split: { test: 0.25, validation: 0.25, seed: 7 }
              train: { algorithm: mlp, params: { layers: [8], epochs: 3 } }
              register: { model: curves-mlp }
            """;

    @Inject
    ArtifactStorage storage;

    @Test
    void eachEpochArrivesAsAPointOfTheTrackedRunsMetricHistory() throws Exception {
        // Given
        String id = submit();
        var curves = Map.of("loss", List.of(0.9, 0.6, 0.5), "validation_accuracy", List.of(0.6, 0.7, 0.75));
        // When
        for (int i = 0; i < 4; i++) {
            TaskCommand command = TaskTopic.commandsOfRun(id, i + 1, WAIT).get(i);
            TaskTopic.publish(switch (command.step()) {
                case TRAIN -> event(command, Map.of("model", "m", "payload", "p"),
                        Map.of("validation_accuracy", 0.75, "train_seconds", 1.5), curves);
                case EVALUATE -> event(command, Map.of("model", mlpPackage()), Map.of("accuracy", 0.74), null);
                default -> event(command, Map.of(command.step().name().toLowerCase(), "o" + i), Map.of(), null);
            });
        }
        // Then
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/pipeline-runs/" + id).then()
                .body("state", equalTo("SUCCEEDED")));
        String tracked = given().get("/api/pipeline-runs/" + id).then().extract().path("trackingRunId");
        given().get("/api/runs/" + tracked + "/metrics/train.loss").then().statusCode(200)
                .body("step", contains(1, 2, 3)).body("value", contains(0.9f, 0.6f, 0.5f));
        given().get("/api/runs/" + tracked + "/metrics/train.validation_accuracy").then().statusCode(200)
                .body("$", hasSize(3)).body("step", contains(1, 2, 3));
        given().get("/api/runs/" + tracked + "/metrics/train.train_seconds").then().body("step", contains(0));
        given().get("/api/runs/" + tracked).then().body("metrics.'train.loss'.step", equalTo(3));
    }

    private String submit() {
        var rows = new StringBuilder("x,label\n");
        for (int i = 0; i < 16; i++) {
            rows.append(i).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        given().contentType("text/csv").body(rows.toString()).post("/api/datasets/curves").then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(200)));
        return given().contentType("application/yaml").body(SPEC.getBytes(StandardCharsets.UTF_8))
                .post("/api/pipeline-runs").then().statusCode(201).extract().path("id");
    }

    /** A real (tiny) MLP package in the store, which registration reads like any other. */
    private String mlpPackage() throws Exception {
        var weights = new MlpWeights(List.of("x"), List.of("a", "b"), new float[] {7.5f}, new float[] {4.6f},
                List.of(new MlpWeights.Dense(1, 2, new float[] {1, -1}, new float[] {0, 0})));
        var manifest = new ModelManifest(1, null, null, null, null, 0, ModelManifest.CLASSIFICATION, "label",
                List.of(new InputFeature("x", ColumnType.NUMERIC, null)), null, List.of(), Map.of("accuracy", 0.74),
                null, Instant.now());
        return ModelPackages.save(storage, manifest, MlpModel.of(weights)).sha256();
    }

    private static TaskEvent event(TaskCommand command, Map<String, String> outputs, Map<String, Double> metrics,
            Map<String, List<Double>> curves) {
        return new TaskEvent(1, command.taskId(), command.attempt(), command.runId(), command.step(), Status.SUCCEEDED,
                null, outputs, metrics, Map.of(), "test-worker", Instant.now(), curves);
    }
}
