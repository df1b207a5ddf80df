package dev.cairn.api.tracking;

import static dev.cairn.api.tracking.ExperimentResourceTest.uniqueName;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.cairn.cli.stack.DevStackResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The calls the orchestrator makes inside its own transactions. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "ds", roles = "data-scientist")
class RunJavaApiTest {

    @Test
    void startingForTheSameSourceTwiceReturnsTheSameRun() {
        // Given
        var pipeline = uniqueName("churn");
        var first = QuarkusTransaction.requiringNew().call(() -> Run.startFor(pipeline, "pipeline-run-1").id);
        // When
        var second = QuarkusTransaction.requiringNew().call(() -> Run.startFor(pipeline, "pipeline-run-1").id);
        // Then
        assertThat(second).isEqualTo(first);
        given().get("/api/experiments/" + pipeline + "/runs").then().body("total", equalTo(1));
    }

    @Test
    void aPipelineRunLogsAndEndsItsRunInOneTransaction() {
        // Given
        var pipeline = uniqueName("churn");
        // When
        var id = QuarkusTransaction.requiringNew().call(() -> {
            var run = Run.startFor(pipeline, "pipeline-run-2");
            run.logParams(Map.of("algorithm", "cart", "max_depth", 6));
            run.logMetric("rows_out", 7032, 0);
            run.logMetric("f1_macro", 0.71, 0);
            run.finish(RunStatus.FINISHED);
            return run.id;
        });
        // Then
        given().get("/api/runs/" + id).then().statusCode(200)
                .body("experiment", equalTo(pipeline)).body("source", equalTo("pipeline-run-2"))
                .body("status", equalTo("FINISHED")).body("params.max_depth", equalTo("6"))
                .body("metrics.f1_macro.value", equalTo(0.71f));
        given().get("/api/runs/" + id + "/metrics/rows_out").then().body("value", contains(7032.0f));
    }
}
