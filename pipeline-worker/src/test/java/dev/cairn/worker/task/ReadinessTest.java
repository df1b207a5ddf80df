package dev.cairn.worker.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.cairn.cli.stack.DevStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class ReadinessTest {

    @Test
    void isReadyWhenItsKafkaChannelsAre() {
        // When / Then
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
