package dev.cairn.api.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
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
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Search, reproducibility and caching on real parts: the churn data, the Kafka broker and a separate
 * worker process training CART.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "ana", roles = "data-scientist")
class ChurnSearchEndToEndTest {
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(240);
    private static final String SPEC = """
            name: churn-search
            dataset: churn-search
            target: churn
            steps:
              split: { test: 0.2, validation: 0.2, stratify: true, seed: 42 }
              train: { algorithm: cart }
              register: { model: churn-search-classifier }
            """;
    private static WorkerProcess worker;

    @BeforeAll
    static void startWorker() throws Exception {
        worker = WorkerProcess.start("worker-search-e2e");
    }

    @AfterAll
    static void stopWorker() throws Exception {
        worker.close();
    }

    @Test
    void aSearchBeatsTheDefaultHyperparametersOnTheSameSplit() {
        // Given: CART with its defaults (depth 6, min child weight 5)
        registerChurn();
        var defaults = finished(submit(SPEC));
        // When
        var searched = finished(submit(SPEC.replace("train: { algorithm: cart }", """
                train:
                    algorithm: cart
                    search:
                      strategy: tpe
                      trials: 12
                      parallelism: 2
                      objective: f1_macro
                      seed: 5
                      space: { max_depth: [2, 12], min_child_weight: { min: 1, max: 300, log: true } }""")));
        // Then: the same split (it was even reused from the cache), a better validation score
        assertThat(searched.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(searched.getBoolean("steps[1].cached")).isTrue();
        assertThat(searched.getList("trials")).hasSize(12);
        assertThat(searched.getList("trials.state")).containsOnly("SUCCEEDED");
        double before = defaults.getDouble("steps[2].metrics.validation_f1_macro");
        double after = searched.getDouble("steps[2].metrics.validation_f1_macro");
        // Measured: validation f1_macro 0.6887 -> 0.7249, test f1_macro 0.7039 -> 0.7375
        System.out.printf("search: validation f1_macro %.4f -> %.4f, test %.4f -> %.4f%n", before, after,
                defaults.getDouble("metrics.f1_macro"), searched.getDouble("metrics.f1_macro"));
        assertThat(after).isGreaterThan(before);
        int best = searched.getInt("steps[2].report.search.best.trial");
        String model = searched.getString("model.name");
        int version = searched.getInt("model.version");
        given().get("/api/models/" + model + "/versions/" + version).then()
                .body("lineage.params.max_depth", equalTo(searched.getInt("trials[" + best + "].params.max_depth")));
        // And the run page shows the search (a table of the trials, the charts drawn from the live snapshot) and
        // each step's last log lines as the worker reported them
        var page = Jsoup.parse(given().get("/ui/pipeline-runs/" + searched.getString("id")).then().statusCode(200)
                .extract().asString());
        assertThat(page.select("#search").attr("data-objective")).isEqualTo("validation_f1_macro");
        assertThat(page.select("#trials tbody tr")).hasSize(12);
        assertThat(page.select("#trials tbody tr").get(best).text()).contains("max_depth", "SUCCEEDED",
                String.valueOf(searched.getDouble("trials[" + best + "].objective")).substring(0, 5));
        assertThat(page.select("#log-EVALUATE pre").text()).contains("(EVALUATE, attempt 1) started", "finished after");
        // reused from the cache: the log is that of the run it was cached from
        assertThat(page.select("#log-SPLIT pre").text()).contains("(SPLIT, attempt 1) started");
        var events = given().accept("text/event-stream").get("/ui/pipeline-runs/" + searched.getString("id")
                + "/events").then().statusCode(200).extract().asString();
        assertThat(events).contains("\"objective\":\"validation_f1_macro\"", "\"score\":", "\"rung\":0");
    }

    @Test
    void theSameSpecAndSeedGiveTheSameMetricsAndAnUnchangedRunIsServedFromTheCache() {
        // Given
        registerChurn();
        var first = finished(submit(SPEC));
        // When
        var recomputed = finished(submit("cache: false\n" + SPEC));
        var cached = finished(submit(SPEC));
        // Then: CART is deterministic, so training again from scratch gives the very same metrics
        assertThat(recomputed.getMap("metrics")).isEqualTo(first.getMap("metrics"));
        assertThat(recomputed.getList("steps.cached")).containsOnly(false);
        assertThat(cached.getList("steps.cached")).containsExactly(true, true, true, true, false);
        assertThat(cached.getMap("metrics")).isEqualTo(first.getMap("metrics"));
        given().get("/api/models/churn-search-classifier/versions/" + recomputed.getInt("model.version")).then()
                .body("lineage.datasetSha256", equalTo(TestData.sha256(TestData.churnCsv())))
                .body("lineage.seed", equalTo(42))
                .body("lineage.preparation.clean.missing", equalTo("impute-median"))
                .body("lineage.preparation.split.validation", equalTo(0.2f))
                .body("lineage.libraryVersions.tribuo", equalTo("4.3.2"));
    }

    @Test
    void aFailedGateLeavesNoVersionAndAPassedOneRegisters() {
        // Given
        registerChurn();
        int before = versions();
        // When
        var refused = finished(submit(SPEC.replace("register:", "evaluate: { gate: \"f1_macro >= 0.99\" }\n  register:")));
        var passed = finished(submit(SPEC.replace("register:",
                "evaluate: { gate: \"f1_macro >= 0.6 and f1_macro >= production.f1_macro - 0.05\" }\n  register:")));
        // Then
        assertThat(refused.getString("state")).isEqualTo("FAILED");
        assertThat(refused.getString("reason")).startsWith("gate failed: f1_macro 0.").endsWith(" < 0.99");
        assertThat(passed.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(passed.getBoolean("steps[4].report.gate.passed")).isTrue();
        assertThat(versions()).isEqualTo(before + 1);
    }

    private static int versions() {
        var response = given().get("/api/models/churn-search-classifier/versions?size=500");
        return response.statusCode() == 404 ? 0 : response.then().extract().path("total");
    }

    private static void registerChurn() {
        given().contentType("text/csv").body(TestData.churnCsv()).post("/api/datasets/churn-search")
                .then().statusCode(oneOf(200, 201));
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
