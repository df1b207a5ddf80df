package dev.cairn.api.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import dev.cairn.api.TestData;
import dev.cairn.cli.stack.DevStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole loop on real parts: the churn CSV goes into the API, the run's tasks travel through the
 * Kafka broker to a separate worker process, and the evaluated model lands in the registry.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "ana", roles = "data-scientist")
class ChurnPipelineEndToEndTest {
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(180);
    private static WorkerProcess worker;

    @BeforeAll
    static void startWorker() throws Exception {
        worker = WorkerProcess.start("worker-e2e");
    }

    @AfterAll
    static void stopWorker() throws Exception {
        worker.close();
    }

    @Test
    void trainsEvaluatesAndRegistersTheChurnModel() {
        // Given
        given().contentType("text/csv").body(TestData.churnCsv()).post("/api/datasets/churn-e2e")
                .then().statusCode(oneOf(200, 201));
        // When
        String id = submit("""
                name: churn-e2e
                dataset: churn-e2e
                target: churn
                steps:
                  clean: { missing: impute-median, duplicates: drop }
                  split: { test: 0.2, stratify: true, seed: 42 }
                  train: { algorithm: logistic-regression }
                  register: { model: churn-e2e-classifier }
                """);
        // Then
        awaitEnd(id);
        var run = given().get("/api/pipeline-runs/" + id).then().body("state", equalTo("SUCCEEDED"))
                .body("steps.state", hasItems("SUCCEEDED"))
                .body("steps.state", not(hasItems("FAILED", "CANCELLED", "PENDING", "RUNNING")))
                .body("metrics.f1_macro", greaterThan(0.70f))
                .body("metrics.roc_auc", greaterThan(0.80f))
                .body("model.name", equalTo("churn-e2e-classifier"))
                .extract();
        int version = run.path("model.version");
        given().get("/api/models/churn-e2e-classifier/versions/" + version).then().statusCode(200)
                .body("labels", hasItems("No", "Yes"))
                .body("metrics.f1_macro", greaterThan(0.70f))
                .body("lineage.pipelineRunId", equalTo(id))
                .body("lineage.datasetSha256", equalTo(TestData.sha256(TestData.churnCsv())))
                .body("lineage.algorithm", equalTo("logistic-regression"));
        String tracked = run.path("trackingRunId");
        given().get("/api/runs/" + tracked).then().statusCode(200).body("status", equalTo("FINISHED"));
    }

    @Test
    void aStepThatCannotRunFailsTheRunWithAReadableReason() {
        // Given
        given().contentType("text/csv").body(TestData.churnCsv()).post("/api/datasets/churn-e2e")
                .then().statusCode(oneOf(200, 201));
        // When
        String id = submit("""
                name: churn-e2e-bad
                dataset: churn-e2e
                target: churn
                steps:
                  train: { algorithm: cart, params: { max_depth: -3 } }
                """);
        // Then
        awaitEnd(id);
        given().get("/api/pipeline-runs/" + id).then().body("state", equalTo("FAILED"))
                .body("reason", containsString("train failed"))
                .body("reason", containsString("max_depth"))
                .body("model", is((Object) null));
        given().get("/api/models/churn-e2e-bad").then().statusCode(404);
    }

    @Test
    void trainsAndRegistersARegressionModel() throws Exception {
        // Given: diabetes (442 patients; target: disease progression after a year, a number from 25 to 346)
        byte[] csv = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(System.getProperty("basedir", "."), "..",
                "pipeline-worker", "src", "test", "resources", "data", "diabetes.csv"));
        given().contentType("text/csv").body(csv).post("/api/datasets/diabetes-e2e").then().statusCode(oneOf(200, 201));
        // When
        String id = submit("""
                name: diabetes-e2e
                dataset: diabetes-e2e
                target: progression
                steps:
                  train: { algorithm: linear-regression }
                  register: { model: diabetes-e2e-regressor }
                """);
        // Then: measured in the worker's RegressionQualityTest, R² 0.513 on the same split
        awaitEnd(id);
        var run = given().get("/api/pipeline-runs/" + id).then().body("state", equalTo("SUCCEEDED"))
                .body("metrics.r2", greaterThan(0.48f))
                .body("metrics.rmse", greaterThan(0f))
                .extract();
        int version = run.path("model.version");
        given().get("/api/models/diabetes-e2e-regressor/versions/" + version).then().statusCode(200)
                .body("metrics.r2", greaterThan(0.48f))
                .body("lineage.algorithm", equalTo("linear-regression"));
    }

    @Test
    void trainsAnMlpWhoseEpochsArriveAsMetricCurves() {
        // Given
        given().contentType("text/csv").body(TestData.churnCsv()).post("/api/datasets/churn-e2e")
                .then().statusCode(oneOf(200, 201));
        // When
        String id = submit("""
                name: churn-e2e-mlp
                dataset: churn-e2e
                target: churn
                steps:
                  split: { test: 0.2, validation: 0.1, stratify: true, seed: 42 }
                  train: { algorithm: mlp, params: { layers: [16], epochs: 4, batch_size: 64 } }
                  register: { model: churn-e2e-mlp }
                """);
        // Then: the worker's MlpQualityTest measured macro F1 0.731 with layers [32, 16] and 8 epochs
        awaitEnd(id);
        var run = given().get("/api/pipeline-runs/" + id).then().body("state", equalTo("SUCCEEDED"))
                .body("metrics.f1_macro", greaterThan(0.68f))
                .body("model.name", equalTo("churn-e2e-mlp"))
                .extract();
        given().get("/api/models/churn-e2e-mlp/versions/" + (int) run.path("model.version")).then().statusCode(200)
                .body("lineage.libraryVersions.djl", equalTo("0.35.1"))
                .body("lineage.libraryVersions.pytorch", equalTo("2.7.1"));
        String tracked = run.path("trackingRunId");
        for (String curve : List.of("train.loss", "train.validation_loss", "train.validation_accuracy",
                "train.validation_f1_macro", "train.validation_roc_auc")) {
            given().get("/api/runs/" + tracked + "/metrics/" + curve).then().statusCode(200)
                    .body("step", contains(1, 2, 3, 4));
        }
        List<Float> loss = given().get("/api/runs/" + tracked + "/metrics/train.loss").then().extract().path("value");
        assertThat(loss.getLast()).isLessThan(loss.getFirst());
    }

    @Test
    void searchesTheMlpsHiddenLayers() {
        // Given
        given().contentType("text/csv").body(TestData.churnCsv()).post("/api/datasets/churn-e2e")
                .then().statusCode(oneOf(200, 201));
        // When: a grid over two shapes of network, each a whole list
        String id = submit("""
                name: churn-e2e-mlp-layers
                dataset: churn-e2e
                target: churn
                steps:
                  split: { test: 0.2, validation: 0.2, stratify: true, seed: 42 }
                  train:
                    algorithm: mlp
                    params: { epochs: 3, batch_size: 64 }
                    search:
                      strategy: grid
                      parallelism: 2
                      space: { layers: { choices: [[4], [16, 8]] } }
                  register: { model: churn-e2e-mlp-layers }
                """);
        // Then: each shape trained as one trial, and the registered model is the best trial's shape
        awaitEnd(id);
        var run = given().get("/api/pipeline-runs/" + id).then().body("state", equalTo("SUCCEEDED"))
                .body("trials.state", contains("SUCCEEDED", "SUCCEEDED"))
                .body("trials.params.layers", contains(List.of(4), List.of(16, 8)))
                .extract();
        int best = run.path("steps[2].report.search.best.trial");
        given().get("/api/models/churn-e2e-mlp-layers/versions/" + (int) run.path("model.version")).then()
                .statusCode(200)
                .body("lineage.params.layers", equalTo(run.path("trials[" + best + "].params.layers")));
    }

    private static String submit(String spec) {
        return given().contentType("application/yaml").body(spec.getBytes(StandardCharsets.UTF_8))
                .post("/api/pipeline-runs").then().statusCode(201).extract().path("id");
    }

    private static void awaitEnd(String id) {
        await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
            String state = given().get("/api/pipeline-runs/" + id).then().extract().path("state");
            return state.equals("SUCCEEDED") || state.equals("FAILED") || state.equals("CANCELLED");
        });
    }
}
