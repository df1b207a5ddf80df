package dev.cairn.api.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.cli.stack.DevStackResource;
import dev.cairn.cli.stack.KeycloakResource;
import dev.cairn.cli.stack.KeycloakTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every operation the API documents under {@code /api}, from its own OpenAPI document: each names its roles, refuses
 * a request without a token (401), refuses each demo user who has none of its roles (403), and lets the others past
 * authorization. The roles are in the document because SmallRye OpenAPI turns each {@code @RolesAllowed} into the
 * scopes of the operation's security requirement; so this checks that what the document promises is what the running
 * API enforces, with real tokens, for every endpoint that exists now or is added later.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EndpointRolesTest {
    private static final Set<String> REALM_ROLES = Set.of("data-scientist", "ci", "sre", "release-manager", "admin");
    private static final List<String> DEMO_USERS = List.of("ana", "sam", "ada", "cid");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");

    /** One documented operation, with a request that reaches it: dummy path values and an empty body. */
    record ApiOperation(String method, String path, String uri, String contentType, Set<String> roles) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void everyOperationDeclaresTheRealmRolesThatMayCallIt() throws Exception {
        // When
        var operations = documentedOperations();
        // Then
        assertThat(operations).hasSizeGreaterThan(30);
        assertThat(operations).allSatisfy(operation -> assertThat(operation.roles()).as(operation.toString())
                .isNotEmpty().isSubsetOf(REALM_ROLES));
    }

    @Test
    void everyOperationRefusesARequestWithoutAToken() throws Exception {
        // Given
        var operations = documentedOperations();
        // When
        var statuses = new LinkedHashMap<String, Integer>();
        operations.forEach(operation -> statuses.put(operation.toString(), call(operation, null)));
        // Then
        assertThat(statuses).hasSizeGreaterThan(30).allSatisfy((operation, status) ->
                assertThat(status).as(operation).isEqualTo(401));
    }

    @Test
    void everyOperationRefusesEachDemoUserWithoutOneOfItsRoles() throws Exception {
        // Given
        var operations = documentedOperations();
        var users = demoUsers();
        // When
        var statuses = new LinkedHashMap<String, Integer>();
        for (var operation : operations) {
            users.forEach((user, login) -> {
                if (!allowed(operation, login)) {
                    statuses.put(operation + " as " + user, call(operation, login.token()));
                }
            });
        }
        // Then
        assertThat(operations).hasSizeGreaterThan(30);
        assertThat(statuses).isNotEmpty().allSatisfy((check, status) -> assertThat(status).as(check).isEqualTo(403));
    }

    @Test
    void everyOperationLetsEachDemoUserWithOneOfItsRolesPastAuthorization() throws Exception {
        // Given
        var operations = documentedOperations();
        var users = demoUsers();
        // When
        var statuses = new LinkedHashMap<String, Integer>();
        for (var operation : operations) {
            users.forEach((user, login) -> {
                if (allowed(operation, login)) {
                    statuses.put(operation + " as " + user, call(operation, login.token()));
                }
            });
        }
        // Then
        // the dummy values make most answers 4xx (not found, invalid), but never 401 or 403
        assertThat(statuses).hasSizeGreaterThan(30).allSatisfy((check, status) ->
                assertThat(status).as(check).isNotIn(401, 403));
    }

    /** A demo user's token and the realm roles Keycloak put in it (composites such as admin's included). */
    record Login(String token, Set<String> roles) {
    }

    /** Fetched once for the class (password grants are slow on purpose); the tokens live 5 minutes. */
    private static Map<String, Login> demoUsers;

    private static synchronized Map<String, Login> demoUsers() {
        if (demoUsers == null) {
            demoUsers = login();
        }
        return demoUsers;
    }

    private static Map<String, Login> login() {
        var users = new LinkedHashMap<String, Login>();
        for (var user : DEMO_USERS) {
            var token = KeycloakResource.accessToken(user);
            var roles = new LinkedHashSet<String>();
            KeycloakTokens.claims(token).path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
            users.put(user, new Login(token, roles));
        }
        return users;
    }

    private static boolean allowed(ApiOperation operation, Login login) {
        return operation.roles().stream().anyMatch(login.roles()::contains);
    }

    private static int call(ApiOperation operation, String token) {
        var request = given().config(RestAssured.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (operation.contentType() != null) {
            request.contentType(operation.contentType()).body(new byte[0]);
        }
        return request.request(operation.method(), operation.uri()).statusCode();
    }

    private static List<ApiOperation> documentedOperations() throws Exception {
        var document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        var operations = new ArrayList<ApiOperation>();
        document.path("paths").properties().forEach(path -> {
            if (path.getKey().startsWith("/api/")) {
                path.getValue().properties().forEach(entry -> {
                    if (entry.getValue().has("responses")) { // skips path-level "parameters"
                        operations.add(operation(path.getKey(), entry.getKey(), entry.getValue(), path.getValue()));
                    }
                });
            }
        });
        return operations;
    }

    private static ApiOperation operation(String path, String method, JsonNode operation, JsonNode pathItem) {
        var roles = new LinkedHashSet<String>();
        operation.path("security").forEach(requirement -> requirement.properties()
                .forEach(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
        var contentTypes = operation.path("requestBody").path("content").fieldNames();
        String contentType = contentTypes.hasNext() ? contentTypes.next() : null;
        if ("*/*".equals(contentType)) {
            contentType = "application/octet-stream";
        }
        return new ApiOperation(method.toUpperCase(), path, concrete(path, operation, pathItem), contentType, roles);
    }

    /** Authorization runs before any lookup, so any well-formed value will do: {@code 1} for numbers, else {@code x}. */
    private static String concrete(String path, JsonNode operation, JsonNode pathItem) {
        Matcher parameter = PATH_PARAMETER.matcher(path);
        return parameter.replaceAll(match -> numeric(match.group(1), operation, pathItem) ? "1" : "x");
    }

    private static boolean numeric(String name, JsonNode operation, JsonNode pathItem) {
        for (var parameters : List.of(operation.path("parameters"), pathItem.path("parameters"))) {
            for (var parameter : parameters) {
                if (name.equals(parameter.path("name").asText())) {
                    var type = parameter.path("schema").path("type").asText();
                    return type.equals("integer") || type.equals("number");
                }
            }
        }
        return false;
    }
}
