package dev.cairn.api.pipelines;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import dev.cairn.api.audit.AuditEntry;
import dev.cairn.cli.stack.DevStackResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "ana", roles = "data-scientist")
class PipelineRunCancelAuditTest {
    private static final String SPEC = """
            name: audited
            dataset: audited
            target: label
            steps:
              split: { test: 0.25, seed: 7 }
              train: { algorithm: cart }
            """;

    private static String submit() {
        given().contentType("text/csv").body("x,label\n1,a\n2,b\n3,a\n4,b\n5,a\n6,b\n7,a\n8,b\n")
                .post("/api/datasets/audited").then().statusCode(anyOf(equalTo(201), equalTo(200)));
        return given().contentType("application/yaml").body(SPEC.getBytes(StandardCharsets.UTF_8))
                .post("/api/pipeline-runs").then().statusCode(201).extract().path("id");
    }

    private static List<AuditEntry> trail(String runId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.list("target = ?1 order by seq desc",
                "pipeline-run:" + runId));
    }

    @Test
    void recordsWhoCancelledARunAndTheStateItWasIn() {
        // Given
        var id = submit();
        // When
        given().post("/api/pipeline-runs/" + id + "/cancel").then().statusCode(200);
        // Then
        assertThat(trail(id)).singleElement().satisfies(e -> {
            assertThat(e.action).isEqualTo("pipeline-run.cancelled");
            assertThat(e.actor).isEqualTo("ana");
            assertThat(e.beforeJson().get("state").textValue()).isEqualTo("PENDING");
            assertThat(e.afterJson().get("state").textValue()).isEqualTo("CANCELLED");
            assertThat(e.afterJson().get("reason").textValue()).isEqualTo("cancelled by ana");
        });
    }

    @Test
    void recordsNothingForARefusedCancel() {
        // Given
        var id = submit();
        given().post("/api/pipeline-runs/" + id + "/cancel").then().statusCode(200);
        // When
        given().post("/api/pipeline-runs/" + id + "/cancel").then().statusCode(409);
        // Then
        assertThat(trail(id)).hasSize(1);
    }
}
