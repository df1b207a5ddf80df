package dev.cairn.api.pipelines;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.cairn.cli.stack.DevStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "ana", roles = "data-scientist")
class PipelineSpecLimitTest {

    @Test
    void aSpecLongerThanTheLimitIsRefusedWithAProblem() {
        // Given
        var spec = "name: big\n# " + "x".repeat(SpecParser.MAX_SPEC_CHARS) + "\n";
        // When
        var response = given().contentType("application/yaml").body(spec.getBytes(StandardCharsets.UTF_8))
                .post("/api/pipeline-runs");
        // Then
        response.then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("/problems/spec-too-large"));
    }
}
