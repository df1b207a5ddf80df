package dev.cairn.api.registry;

import static dev.cairn.api.registry.RegistryResourceTest.register;
import static dev.cairn.api.registry.RegistryResourceTest.uniqueModel;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.cli.stack.DevStackResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every registry change leaves an audit entry with who, before and after. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "ana", roles = "data-scientist")
class RegistryAuditTest {

    static void pointAlias(String model, String alias, int version) {
        given().contentType(ContentType.JSON).body(Map.of("version", version))
                .put("/api/models/" + model + "/aliases/" + alias).then().statusCode(200);
    }

    private static String state(String json) {
        return json == null ? null : json.replace(" ", "");
    }

    @Test
    void recordsAliasMovesWithTheVersionBeforeAndAfter() {
        // Given
        var model = uniqueModel();
        register(model);
        register(model);
        pointAlias(model, "champion", 1);
        // When
        pointAlias(model, "champion", 2);
        // Then
        var trail = AuditTrail.ofAlias(model, "champion");
        assertThat(trail).extracting(e -> e.action).containsExactly("alias.moved", "alias.moved");
        assertThat(trail).extracting(e -> e.actor).containsOnly("ana");
        assertThat(trail).extracting(e -> state(e.before)).containsExactly("{\"version\":1}", null);
        assertThat(trail).extracting(e -> state(e.after)).containsExactly("{\"version\":2}", "{\"version\":1}");
    }

    @Test
    void recordsNothingWhenAnAliasIsPointedWhereItAlreadyPoints() {
        // Given
        var model = uniqueModel();
        register(model);
        pointAlias(model, "champion", 1);
        // When
        pointAlias(model, "champion", 1);
        // Then
        assertThat(AuditTrail.ofAlias(model, "champion")).hasSize(1);
    }

    @Test
    void recordsAliasDeletionsWithTheVersionItPointedAt() {
        // Given
        var model = uniqueModel();
        register(model);
        pointAlias(model, "staging", 1);
        // When
        given().delete("/api/models/" + model + "/aliases/staging").then().statusCode(204);
        // Then
        assertThat(AuditTrail.ofAlias(model, "staging")).first().satisfies(e -> {
            assertThat(e.action).isEqualTo("alias.deleted");
            assertThat(e.actor).isEqualTo("ana");
            assertThat(state(e.before)).isEqualTo("{\"version\":1}");
            assertThat(e.after).isNull();
        });
    }

    @Test
    void recordsNothingForARefusedMove() {
        // Given
        var model = uniqueModel();
        register(model);
        // When
        given().contentType(ContentType.JSON).body(Map.of("version", 7)).put("/api/models/" + model + "/aliases/staging")
                .then().statusCode(422);
        // Then
        assertThat(AuditTrail.ofAlias(model, "staging")).isEmpty();
    }

    @Test
    void recordsARegisteredVersionWithItsPackageMetricsAndWhoRanThePipeline() {
        // Given
        var model = uniqueModel();
        var pipelineRun = UUID.randomUUID().toString();
        // When
        QuarkusTransaction.requiringNew().run(() -> ModelVersion.register(model, TestManifests.churn(),
                TestManifests.MANIFEST_SHA, pipelineRun, null, "cid"));
        // Then
        assertThat(AuditTrail.of(ModelVersion.auditTarget(model, 1))).singleElement().satisfies(e -> {
            assertThat(e.action).isEqualTo("model-version.registered");
            assertThat(e.actor).isEqualTo("cid");
            assertThat(e.before).isNull();
            var after = e.afterJson();
            assertThat(after.get("version").intValue()).isEqualTo(1);
            assertThat(after.get("manifestSha256").textValue()).isEqualTo(TestManifests.MANIFEST_SHA);
            assertThat(after.get("metrics").get("f1_macro").decimalValue()).isEqualByComparingTo("0.71");
            assertThat(after.get("pipelineRunId").textValue()).isEqualTo(pipelineRun);
        });
    }

    @Test
    void recordsARedeliveredRegistrationOnlyOnceAndAsTheSystemWhenNoOneIsNamed() {
        // Given
        var model = uniqueModel();
        var pipelineRun = UUID.randomUUID().toString();
        Runnable registration = () -> ModelVersion.register(model, TestManifests.churn(), TestManifests.MANIFEST_SHA,
                pipelineRun, null);
        QuarkusTransaction.requiringNew().run(registration);
        // When
        QuarkusTransaction.requiringNew().run(registration);
        // Then
        assertThat(AuditTrail.of(ModelVersion.auditTarget(model, 1))).extracting(e -> e.actor).containsExactly("system");
    }

    @Test
    @TestSecurity(user = "service-account-cairn-ci", roles = "ci")
    void namesAServiceAccountByItsClientId() {
        // Given
        var model = uniqueModel();
        register(model);
        // When
        pointAlias(model, "staging", 1);
        // Then
        assertThat(AuditTrail.ofAlias(model, "staging")).extracting(e -> e.actor).containsExactly("cairn-ci");
    }

    @Test
    @TestSecurity(user = "robot", roles = "ci")
    @OidcSecurity(claims = @Claim(key = "client_id", value = "cairn-nightly"))
    void namesAClientCredentialsTokenByItsClientIdClaim() {
        // Given
        var model = uniqueModel();
        register(model);
        // When
        pointAlias(model, "staging", 1);
        // Then
        assertThat(AuditTrail.ofAlias(model, "staging")).extracting(e -> e.actor).containsExactly("cairn-nightly");
        given().get("/api/models/" + model + "/aliases").then().body("[0].updatedBy",
                org.hamcrest.Matchers.equalTo("cairn-nightly"));
    }
}
