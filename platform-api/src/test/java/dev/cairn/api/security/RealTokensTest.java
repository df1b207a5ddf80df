package dev.cairn.api.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.cairn.cli.stack.DevStackResource;
import dev.cairn.cli.stack.KeycloakResource;
import dev.cairn.cli.stack.KeycloakTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.junit.jupiter.api.Test;

/**
 * End to end with a real Keycloak and real tokens: password grant for people (client cairn-cli), client credentials
 * for CI (cairn-ci). The only classes with {@link KeycloakResource}, so only they pay for starting it.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RealTokensTest {
    private static final String SPEC = """
            name: %s
            dataset: %s
            target: label
            steps:
              split: { test: 0.25, seed: 7 }
              train: { algorithm: cart }
            """;
    private static final String CSV = "x,label\n1,a\n2,b\n3,a\n4,b\n5,a\n6,b\n7,a\n8,b\n";

    @Test
    void aDataScientistUploadsADataset() {
        // Given
        var ana = KeycloakResource.accessToken("ana");
        // When
        var response = given().auth().oauth2(ana).contentType("text/csv").body(CSV).post("/api/datasets/" + unique("ds"));
        // Then
        response.then().statusCode(201).body("rows", equalTo(8));
    }

    @Test
    void aDataScientistSubmitsAPipelineRunInHerName() {
        // Given
        var ana = KeycloakResource.accessToken("ana");
        var dataset = uploadedDataset(ana);
        // When
        var response = submit(ana, dataset);
        // Then
        response.then().statusCode(201).body("createdBy", equalTo("ana"));
    }

    @Test
    void anSreCannotUploadADataset() {
        // Given
        var sam = KeycloakResource.accessToken("sam");
        // When
        var response = given().auth().oauth2(sam).contentType("text/csv").body(CSV).post("/api/datasets/" + unique("ds"));
        // Then
        response.then().statusCode(403);
    }

    @Test
    void anSreReadsDatasetsRunsAndModels() {
        // Given
        var sam = KeycloakResource.accessToken("sam");
        // When
        var datasets = given().auth().oauth2(sam).get("/api/datasets");
        // Then
        datasets.then().statusCode(200);
        given().auth().oauth2(sam).get("/api/pipeline-runs").then().statusCode(200);
        given().auth().oauth2(sam).get("/api/models").then().statusCode(200);
    }

    @Test
    void theCiClientSubmitsAPipelineRunWithItsServiceAccount() {
        // Given
        var ci = KeycloakResource.ciAccessToken();
        var dataset = uploadedDataset(ci);
        // When
        var response = submit(ci, dataset);
        // Then
        response.then().statusCode(201).body("createdBy", containsString("cairn-ci"));
    }

    @Test
    void theCiClientMovesTheProductionAlias() {
        // Given
        var model = ModelFixture.registered();
        // When
        var response = moveProduction(KeycloakResource.ciAccessToken(), model);
        // Then
        response.then().statusCode(200).body("version", equalTo(1)).body("updatedBy", containsString("cairn-ci"));
    }

    @Test
    void aDataScientistCannotMoveTheProductionAlias() {
        // Given
        var model = ModelFixture.registered();
        // When
        var response = moveProduction(KeycloakResource.accessToken("ana"), model);
        // Then
        response.then().statusCode(403);
    }

    @Test
    void aTokenIssuedForAnotherAudienceIsUnauthorized() throws Exception {
        // Given
        // admin-cli is a built-in client of every realm: same issuer and keys, but no cairn-api audience mapper
        var token = KeycloakResource.tokens().password("admin-cli", "ana", KeycloakResource.password("ana")).accessToken();
        // When
        var response = given().auth().oauth2(token).get("/api/datasets");
        // Then
        response.then().statusCode(401);
        assertThat(KeycloakTokens.claims(token).path("aud").toString()).doesNotContain("cairn-api");
        assertThat(KeycloakTokens.claims(token).path("iss").asText()).isEqualTo(KeycloakResource.issuer());
    }

    @Test
    void aRealTokenSignedAgainByAnotherKeyIsUnauthorized() throws Exception {
        // Given
        var forged = resigned(KeycloakResource.accessToken("ada"));
        // When
        var response = given().auth().oauth2(forged).get("/api/datasets");
        // Then
        response.then().statusCode(401);
    }

    @Test
    void aTokenThatIsNotAJwtIsUnauthorized() {
        // When
        var response = given().auth().oauth2("not-a-token").get("/api/datasets");
        // Then
        response.then().statusCode(401);
    }

    @Test
    void aRequestWithoutATokenIsUnauthorized() {
        // When
        var response = given().get("/api/datasets");
        // Then
        response.then().statusCode(401).header("WWW-Authenticate", "Bearer");
    }

    private static String uploadedDataset(String token) {
        var name = unique("ds");
        given().auth().oauth2(token).contentType("text/csv").body(CSV).post("/api/datasets/" + name)
                .then().statusCode(201);
        return name;
    }

    private static io.restassured.response.Response submit(String token, String dataset) {
        return given().auth().oauth2(token).contentType("application/yaml")
                .body(SPEC.formatted(unique("pipeline"), dataset).getBytes(StandardCharsets.UTF_8))
                .post("/api/pipeline-runs");
    }

    private static io.restassured.response.Response moveProduction(String token, String model) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("version", 1))
                .put("/api/models/" + model + "/aliases/production");
    }

    /** The same header (key id) and claims, signed with a key the realm never published: only the signature is wrong. */
    private static String resigned(String token) throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var header = JsonWebStructure.fromCompactSerialization(token);
        var jws = new JsonWebSignature();
        jws.setPayload(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(header.getKeyIdHeaderValue());
        jws.setKey(generator.generateKeyPair().getPrivate());
        return jws.getCompactSerialization();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
