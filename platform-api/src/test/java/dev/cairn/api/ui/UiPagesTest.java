package dev.cairn.api.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.cairn.api.TestData;
import dev.cairn.api.tracking.Run;
import dev.cairn.api.tracking.RunStatus;
import dev.cairn.cli.stack.DevStackResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The pages as the server renders them, for each kind of user (no browser: see the browser journeys for that). */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class UiPagesTest {

    @Test
    @TestSecurity(user = "ana", roles = "data-scientist")
    void aDataScientistSeesTheDatasetsAndAnUploadForm() {
        // Given
        var name = unique("ui-ds");
        given().contentType("text/csv").body("x,label\n1,a\n2,b\n").post("/api/datasets/" + name).then().statusCode(201);
        // When
        var page = given().get("/ui/datasets");
        // Then
        page.then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("id=\"upload-form\""))
                .body(containsString("href=\"/ui/datasets/" + name + "/versions/1\""))
                .body(containsString("<span id=\"user-name\">ana</span>"));
    }

    @Test
    @TestSecurity(user = "sam", roles = "sre")
    void anSreSeesNoUploadButTheAuditLogLink() {
        // When
        var page = given().get("/ui/datasets");
        // Then
        page.then().statusCode(200).body(not(containsString("id=\"upload-form\"")))
                .body(containsString("href=\"/ui/audit\""));
    }

    @Test
    @TestSecurity(user = "ana", roles = "data-scientist")
    void aDatasetVersionShowsItsSchemaDataQualityAndPreview() {
        // Given
        var name = unique("ui-churn");
        given().contentType("text/csv").body(TestData.churnCsv()).post("/api/datasets/" + name).then().statusCode(201);
        // When
        var page = given().get("/ui/datasets/" + name + "/versions/1");
        // Then
        var html = Jsoup.parse(page.then().statusCode(200).extract().asString());
        var totalCharges = html.select("#schema tbody tr").stream()
                .filter(row -> row.child(0).text().equals("total_charges")).findFirst().orElseThrow();
        assertThat(totalCharges.child(1).text()).isEqualTo("NUMERIC");
        assertThat(totalCharges.child(2).text()).isEqualTo("11"); // the churn file's 11 blank total_charges
        assertThat(html.select("#schema tbody tr")).hasSize(20);
        assertThat(html.select("#preview tbody tr")).hasSize(Preview.ROWS);
        assertThat(html.select("#preview thead th")).hasSize(20);
        assertThat(html.select("#quality .tile b").first().text()).isEqualTo("7043");
    }

    @Test
    @TestSecurity(user = "ana", roles = "data-scientist")
    void theRunsTableSortsByAMetricAndFiltersByACondition() {
        // Given
        var experiment = experimentWithRuns(0.7, 0.9, 0.8);
        // When
        var sorted = given().queryParam("experiment", experiment).queryParam("sort", "metric:accuracy")
                .queryParam("dir", "desc").get("/ui/runs");
        var filtered = given().queryParam("experiment", experiment).queryParam("where", "accuracy >= 0.8")
                .get("/ui/runs");
        // Then
        assertThat(accuracies(sorted.then().statusCode(200).extract().asString())).containsExactly("0.9000", "0.8000",
                "0.7000");
        assertThat(accuracies(filtered.then().statusCode(200).extract().asString())).containsExactlyInAnyOrder(
                "0.9000", "0.8000");
    }

    @Test
    @TestSecurity(user = "ana", roles = "data-scientist")
    void theRunsTableIsPaged() {
        // Given
        var experiment = experimentWithRuns(0.1, 0.2, 0.3);
        // When
        var first = given().queryParam("experiment", experiment).queryParam("size", 2).get("/ui/runs");
        // Then
        var html = Jsoup.parse(first.then().statusCode(200).extract().asString());
        assertThat(html.select("#runs tbody tr")).hasSize(2);
        assertThat(html.select("#runs-count").text()).isEqualTo("1–2 of 3 runs");
        assertThat(html.select("#page-next").attr("href")).contains("page=1").contains("size=2");
        assertThat(html.select("#page-previous")).isEmpty();
    }

    @Test
    @TestSecurity(user = "ana", roles = "data-scientist")
    void comparingRunsShowsTheirParamsMetricsAndCurvesSideBySide() {
        // Given
        var ids = QuarkusTransaction.requiringNew().call(() -> {
            var experiment = unique("ui-compare");
            var a = Run.startFor(experiment, "a");
            a.logParams(Map.of("max_depth", 3, "seed", 42));
            a.logMetric("loss", 0.9, 0);
            a.logMetric("loss", 0.5, 1);
            var b = Run.startFor(experiment, "b");
            b.logParams(Map.of("max_depth", 6, "seed", 42));
            b.logMetric("loss", 0.8, 0);
            return List.of(a.id, b.id);
        });
        // When
        var page = given().queryParam("id", ids.get(0)).queryParam("id", ids.get(1)).get("/ui/runs/compare");
        // Then
        var html = Jsoup.parse(page.then().statusCode(200).extract().asString());
        var maxDepth = html.select("#compare-params tr").stream().filter(r -> r.child(0).text().equals("max_depth"))
                .findFirst().orElseThrow();
        assertThat(maxDepth.select("td.differs").eachText()).containsExactly("3", "6");
        var seed = html.select("#compare-params tr").stream().filter(r -> r.child(0).text().equals("seed"))
                .findFirst().orElseThrow();
        assertThat(seed.select("td.differs")).isEmpty();
        assertThat(html.select("#compare-data").html()).contains("\"loss\"").contains("[0.0,0.9]")
                .contains("[1.0,0.5]").contains("[0.0,0.8]");
    }

    @Test
    @TestSecurity(user = "ana", roles = "data-scientist")
    void aDataScientistCannotReadTheAuditLog() {
        // When
        var page = given().get("/ui/audit");
        // Then
        page.then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "sam", roles = "sre")
    void anSreReadsTheAuditLogAndVerifiesTheChain() {
        // When
        var page = given().get("/ui/audit");
        var verified = given().get("/ui/audit/verify");
        // Then
        page.then().statusCode(200).body(containsString("id=\"audit\""));
        verified.then().statusCode(200).body(containsString("The chain verifies"));
    }

    @Test
    @TestSecurity(user = "ana", roles = "data-scientist")
    void anActionWithoutTheUiHeaderIsRefused() {
        // When
        var response = given().contentType("text/csv").body("x,y\n1,2\n").post("/ui/datasets/" + unique("forged"));
        // Then
        response.then().statusCode(403).body(containsString("UI actions must come from the UI's own pages"));
    }

    @Test
    @TestSecurity(user = "ana", roles = "data-scientist")
    void anUploadThroughTheUiIsTheApisUpload() {
        // Given
        var name = unique("ui-upload");
        // When
        var response = given().header(UiActionGuard.HEADER, "1").contentType("text/csv").body("x,y\n1,2\n3,4\n")
                .post("/ui/datasets/" + name);
        // Then
        response.then().statusCode(201).body(containsString("\"rows\":2"));
        given().get("/api/datasets/" + name).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "ana", roles = "data-scientist")
    void anInvalidSpecComesBackWithEachFieldPath() {
        // Given
        var dataset = unique("ui-spec");
        given().contentType("text/csv").body("x,label\n1,a\n2,b\n3,a\n4,b\n").post("/api/datasets/" + dataset)
                .then().statusCode(201);
        var spec = "name: p\ndataset: " + dataset + "\ntarget: nope\nsteps:\n  train: { algorithm: magic }\n";
        // When
        var response = given().header(UiActionGuard.HEADER, "1").contentType("application/yaml").body(spec.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/ui/pipeline-runs");
        // Then
        response.then().statusCode(422).body(containsString("\"field\":\"target\""))
                .body(containsString("\"field\":\"steps.train.algorithm\""));
    }

    private static String experimentWithRuns(double... accuracies) {
        var experiment = unique("ui-runs");
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < accuracies.length; i++) {
                var run = Run.startFor(experiment, "source-" + i);
                run.logMetric("accuracy", accuracies[i], 0);
                run.finish(RunStatus.FINISHED);
            }
        });
        return experiment;
    }

    /** The accuracy column's cells, top to bottom. */
    private static List<String> accuracies(String page) {
        var html = Jsoup.parse(page);
        var headers = html.select("#runs thead th");
        int column = -1;
        for (int i = 0; i < headers.size(); i++) {
            if (Pattern.compile("^accuracy\\b").matcher(headers.get(i).text()).find()) {
                column = i;
            }
        }
        assertThat(column).as("accuracy column").isNotNegative();
        int index = column;
        return html.select("#runs tbody tr").stream().map(row -> row.child(index).text()).toList();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
