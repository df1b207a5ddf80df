package dev.cairn.api.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.cairn.cli.stack.DevStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

/**
 * In this test group the OIDC tenant points at a closed port (application.properties, %test), as in production
 * while Keycloak is down: the API must stay closed, and the public endpoints must stay up.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class UnreachableIdentityProviderTest {

    @Test
    @TestSecurity(user = "ana", roles = "data-scientist")
    void aTokenThatCannotBeCheckedIsRefusedEvenWhereATestIdentityWouldPass() {
        // When
        var response = given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbmEifQ.c2ln").get("/api/datasets");
        // Then
        response.then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("/problems/identity-provider-unavailable"));
    }

    @Test
    void aRequestWithoutATokenIsUnauthorized() {
        // When
        var response = given().get("/api/pipeline-runs");
        // Then
        response.then().statusCode(401);
    }

    @Test
    void probesAndApiDocsNeedNoToken() {
        // When
        var health = given().get("/q/health");
        // Then
        health.then().statusCode(200);
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.SecurityScheme.type", equalTo("openIdConnect"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
