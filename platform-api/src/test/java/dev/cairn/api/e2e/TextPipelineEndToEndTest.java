package dev.cairn.api.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import dev.cairn.cli.stack.DevStackResource;
import dev.cairn.store.artifact.FilesystemArtifactStorage;
import dev.cairn.store.model.ModelPackages;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's text classifier and regression search on real parts: the upload, the Kafka broker, a separate worker
 * process, the registry and the artifact store.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "ana", roles = "data-scientist")
class TextPipelineEndToEndTest {
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(240);
    private static WorkerProcess worker;

    @BeforeAll
    static void startWorker() throws Exception {
        worker = WorkerProcess.start("worker-text-e2e");
    }

    @AfterAll
    static void stopWorker() throws Exception {
        worker.close();
    }

    private static byte[] data(String file) throws Exception {
        return Files.readAllBytes(Path.of(System.getProperty("basedir", "."), "..", "pipeline-worker", "src", "test",
                "resources", "data", file));
    }

    @Test
    void trainsRegistersAndServesATextClassifierFromASpec() throws Exception {
        // Given: the fortunes; upload infers the quotations as free text, not as 829 categories
        given().contentType("text/csv").body(data("fortunes.csv")).post("/api/datasets/fortunes-e2e").then()
                .statusCode(oneOf(200, 201))
                .body("schema.columns.find { it.name == 'text' }.type", equalTo("TEXT"));
        // When
        var run = finished(submit("""
                name: fortunes-e2e
                dataset: fortunes-e2e
                target: category
                steps:
                  split: { test: 0.2, seed: 42 }
                  train:
                    algorithm: logistic-regression
                    text: { column: text, ngrams: [1, 2], weighting: tfidf, min_df: 1 }
                  register: { model: fortunes-e2e-classifier }
                """));
        // Then: the train step's figure, measured in the worker's TextClassificationQualityTest on this split
        assertThat(run.getString("state")).as(run.getString("reason")).isEqualTo("SUCCEEDED");
        assertThat(run.getDouble("metrics.accuracy")).isGreaterThan(0.60);
        int version = run.getInt("model.version");
        var registered = given().get("/api/models/fortunes-e2e-classifier/versions/" + version).then()
                .statusCode(200).body("lineage.preparation.text.column", equalTo("text"))
                .extract().jsonPath();
        var loaded = ModelPackages.load(new FilesystemArtifactStorage(Path.of(
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("cairn.store.root", String.class))),
                registered.getString("manifestSha256"));
        assertThat(loaded.manifest().textVocabulary()).isNotNull();
        assertThat(loaded.predict(Map.of("text", "My computer crashed again; the compiler dumped core.")).label())
                .isEqualTo("computers");
    }

    @Test
    void aBadTextSpecIsRefusedWithEveryReason() throws Exception {
        // Given
        given().contentType("text/csv").body(data("fortunes.csv")).post("/api/datasets/fortunes-e2e").then()
                .statusCode(oneOf(200, 201));
        // When / Then
        given().contentType("application/yaml").body("""
                name: fortunes-bad
                dataset: fortunes-e2e
                target: category
                steps:
                  train:
                    algorithm: xgboost
                    text: { column: body, ngrams: [3, 1], weighting: bm25 }
                """.getBytes(StandardCharsets.UTF_8)).post("/api/pipeline-runs").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("steps.train.text",
                        "steps.train.text.column", "steps.train.text.ngrams", "steps.train.text.weighting"));
    }

    @Test
    void searchesARegressionByMinimisingRmse() throws Exception {
        // Given: diabetes (442 patients, target a number from 25 to 346)
        given().contentType("text/csv").body(data("diabetes.csv")).post("/api/datasets/diabetes-search-e2e").then()
                .statusCode(oneOf(200, 201));
        // When
        var run = finished(submit("""
                name: diabetes-search-e2e
                dataset: diabetes-search-e2e
                target: progression
                steps:
                  split: { test: 0.2, validation: 0.2, seed: 42 }
                  train:
                    algorithm: cart-regressor
                    search: { strategy: grid, space: { max_depth: [1, 6] }, parallelism: 2 }
                  register: { model: diabetes-search-e2e }
                """));
        // Then: the winner has the lowest validation rmse of all the trials
        assertThat(run.getString("state")).as(run.getString("reason")).isEqualTo("SUCCEEDED");
        List<Float> rmse = run.getList("trials.objective");
        assertThat(rmse).hasSize(6);
        var search = run.getMap("steps[2].report.search");
        assertThat(search).containsEntry("objective", "validation_rmse").containsEntry("direction", "minimize");
        float best = run.getFloat("steps[2].report.search.best.value");
        assertThat(best).isEqualTo(rmse.stream().min(Float::compare).orElseThrow());
        assertThat(best).isLessThan(rmse.stream().max(Float::compare).orElseThrow());
    }

    private static String submit(String spec) {
        return given().contentType("application/yaml").body(spec.getBytes(StandardCharsets.UTF_8))
                .post("/api/pipeline-runs").then().statusCode(201).extract().path("id");
    }

    private static JsonPath finished(String id) {
        await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
            String state = given().get("/api/pipeline-runs/" + id).then().extract().path("state");
            return List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(state);
        });
        return given().get("/api/pipeline-runs/" + id).then().extract().jsonPath();
    }
}
