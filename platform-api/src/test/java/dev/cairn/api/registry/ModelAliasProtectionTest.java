package dev.cairn.api.registry;

import static dev.cairn.api.registry.RegistryResourceTest.register;
import static dev.cairn.api.registry.RegistryResourceTest.uniqueModel;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.cairn.cli.stack.DevStackResource;
import dev.cairn.api.audit.Audit;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `production` (cairn.registry.protected-aliases) changes only for release managers and admins. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class ModelAliasProtectionTest {

    private static io.restassured.response.Response put(String model, String alias, int version) {
        return given().contentType(ContentType.JSON).body(Map.of("version", version))
                .put("/api/models/" + model + "/aliases/" + alias);
    }

    /** A model with two versions whose production alias points at version 1, moved by a release manager. */
    private static String modelInProduction() {
        var model = uniqueModel();
        register(model);
        register(model);
        QuarkusTransaction.requiringNew().run(() -> RegisteredModel.requireForUpdate(model).point("production", 1, "rm"));
        return model;
    }

    @Test
    @TestSecurity(user = "ana", roles = "data-scientist")
    void refusesADataScientistMovingProductionAndRecordsNothing() {
        // Given
        var model = modelInProduction();
        // When
        var response = put(model, "production", 2);
        // Then
        response.then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/protected-alias"))
                .body("detail", containsString("'release-manager'"));
        given().get("/api/models/" + model + "/aliases/production").then().body("version", equalTo(1));
        assertThat(AuditTrail.ofAlias(model, "production")).isEmpty();
    }

    @Test
    @TestSecurity(user = "ana", roles = "data-scientist")
    void refusesADataScientistDeletingOrRollingBackProduction() {
        // Given
        var model = modelInProduction();
        // When
        var delete = given().delete("/api/models/" + model + "/aliases/production");
        // Then
        delete.then().statusCode(403).body("type", equalTo("/problems/protected-alias"));
        given().post("/api/models/" + model + "/aliases/production/rollback").then().statusCode(403)
                .body("type", equalTo("/problems/protected-alias"));
        given().get("/api/models/" + model + "/aliases/production").then().statusCode(200);
        assertThat(AuditTrail.ofAlias(model, "production")).isEmpty();
    }

    @Test
    @TestSecurity(user = "ana", roles = "data-scientist")
    void letsADataScientistMoveAnUnprotectedAlias() {
        // Given
        var model = modelInProduction();
        // When
        var response = put(model, "champion", 2);
        // Then
        response.then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    @TestSecurity(user = "rita", roles = "release-manager")
    void letsAReleaseManagerMoveProduction() {
        // Given
        var model = modelInProduction();
        // When
        var response = put(model, "production", 2);
        // Then
        response.then().statusCode(200).body("version", equalTo(2)).body("updatedBy", equalTo("rita"));
        assertThat(AuditTrail.ofAlias(model, "production")).singleElement()
                .satisfies(e -> assertThat(e.actor).isEqualTo("rita"));
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void letsAnAdminDeleteProduction() {
        // Given
        var model = modelInProduction();
        // When
        var response = given().delete("/api/models/" + model + "/aliases/production");
        // Then
        response.then().statusCode(204);
        assertThat(AuditTrail.ofAlias(model, "production")).extracting(e -> e.action).containsExactly("alias.deleted");
    }

    @Test
    @TestSecurity(user = "service-account-cairn-ci", roles = { "ci", "release-manager" })
    void letsTheCiClientPromoteAndRollBackProduction() {
        // Given
        var model = modelInProduction();
        put(model, "production", 2).then().statusCode(200);
        // When
        var response = given().post("/api/models/" + model + "/aliases/production/rollback");
        // Then
        response.then().statusCode(200).body("version", equalTo(1));
        assertThat(AuditTrail.ofAlias(model, "production")).extracting(e -> e.action)
                .containsExactly("alias.rolled-back", "alias.moved");
    }

    @Test
    @TestSecurity(user = "cid", roles = "ci")
    void letsCiMoveAnUnprotectedAlias() {
        // Given
        var model = modelInProduction();
        // When
        var response = put(model, "staging", 2);
        // Then
        response.then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "sam", roles = "sre")
    void letsAnSreRollBackProductionButNotMoveIt() {
        // Given
        var model = modelInProduction();
        var audit = Arc.container().instance(Audit.class).get();
        QuarkusTransaction.requiringNew().run(() -> {
            var move = RegisteredModel.requireForUpdate(model).point("production", 2, "rita");
            audit.recordAs("rita", ModelAlias.MOVED, ModelAlias.auditTarget(model, "production"), move.before(),
                    move.after());
        });
        // When
        var rollback = given().post("/api/models/" + model + "/aliases/production/rollback");
        // Then
        rollback.then().statusCode(200).body("version", equalTo(1)).body("updatedBy", equalTo("sam"));
        put(model, "production", 2).then().statusCode(403);
        assertThat(AuditTrail.ofAlias(model, "production")).extracting(e -> e.action)
                .containsExactly("alias.rolled-back", "alias.moved");
    }
}
