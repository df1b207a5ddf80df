package dev.cairn.api.registry;

import static dev.cairn.api.registry.RegistryAuditTest.pointAlias;
import static dev.cairn.api.registry.RegistryResourceTest.register;
import static dev.cairn.api.registry.RegistryResourceTest.uniqueModel;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.cairn.cli.stack.DevStackResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "ana", roles = "data-scientist")
class ModelAliasRollbackTest {

    private static String modelWithThreeVersions() {
        var model = uniqueModel();
        register(model);
        register(model);
        register(model);
        return model;
    }

    private static io.restassured.response.Response rollBack(String model, String alias) {
        return given().post("/api/models/" + model + "/aliases/" + alias + "/rollback");
    }

    @Test
    void pointsTheAliasBackAtTheVersionBeforeItsLastMove() {
        // Given
        var model = modelWithThreeVersions();
        pointAlias(model, "champion", 1);
        pointAlias(model, "champion", 3);
        // When
        var response = rollBack(model, "champion");
        // Then
        response.then().statusCode(200).body("version", equalTo(1)).body("updatedBy", equalTo("ana"));
        given().get("/api/models/" + model + "/aliases/champion").then().body("version", equalTo(1));
        assertThat(AuditTrail.ofAlias(model, "champion")).first().satisfies(e -> {
            assertThat(e.action).isEqualTo("alias.rolled-back");
            assertThat(e.actor).isEqualTo("ana");
            assertThat(e.beforeJson().get("version").intValue()).isEqualTo(3);
            assertThat(e.afterJson().get("version").intValue()).isEqualTo(1);
        });
    }

    @Test
    void aSecondRollbackUndoesTheFirst() {
        // Given
        var model = modelWithThreeVersions();
        pointAlias(model, "champion", 2);
        pointAlias(model, "champion", 3);
        rollBack(model, "champion").then().statusCode(200).body("version", equalTo(2));
        // When
        var response = rollBack(model, "champion");
        // Then
        response.then().statusCode(200).body("version", equalTo(3));
    }

    @Test
    void hasNothingToRollBackForAnAliasItsLastMoveCreated() {
        // Given
        var model = modelWithThreeVersions();
        pointAlias(model, "champion", 2);
        // When
        var response = rollBack(model, "champion");
        // Then
        response.then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/nothing-to-roll-back"));
        assertThat(AuditTrail.ofAlias(model, "champion")).extracting(e -> e.action).containsExactly("alias.moved");
    }

    @Test
    void hasNothingToRollBackWhenTheLogDoesNotShowHowTheAliasGotWhereItIs() {
        // Given: a move the audit log never saw, as for aliases moved before it existed
        var model = modelWithThreeVersions();
        pointAlias(model, "champion", 1);
        pointAlias(model, "champion", 2);
        QuarkusTransaction.requiringNew().run(() -> RegisteredModel.requireForUpdate(model).point("champion", 3, "legacy"));
        // When
        var response = rollBack(model, "champion");
        // Then
        response.then().statusCode(409).body("type", equalTo("/problems/nothing-to-roll-back"));
        given().get("/api/models/" + model + "/aliases/champion").then().body("version", equalTo(3));
    }

    @Test
    void hasNothingToRollBackForAnAliasDeletedAndCreatedAgain() {
        // Given
        var model = modelWithThreeVersions();
        pointAlias(model, "champion", 1);
        pointAlias(model, "champion", 2);
        given().delete("/api/models/" + model + "/aliases/champion").then().statusCode(204);
        pointAlias(model, "champion", 3);
        // When
        var response = rollBack(model, "champion");
        // Then
        response.then().statusCode(409).body("type", equalTo("/problems/nothing-to-roll-back"));
    }

    @Test
    void answersAnUnknownAliasWith404() {
        // Given
        var model = modelWithThreeVersions();
        // When
        var response = rollBack(model, "champion");
        // Then
        response.then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
    }
}
