package dev.cairn.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Against a real Keycloak from the distribution zip, with the realm of deploy/keycloak/; one server for the class. */
class KeycloakResourceTest {

    @Test
    void pointsQuarkusAtTheRealmOnLoopback() {
        // Given
        var resource = new KeycloakResource();
        // When
        var config = resource.start();
        // Then
        assertThat(config).containsOnlyKeys("quarkus.oidc.auth-server-url");
        assertThat(config.get("quarkus.oidc.auth-server-url")).matches("http://127\\.0\\.0\\.1:\\d+/realms/cairn");
    }

    @Test
    void givesAPersonATokenForTheApiWithHerRealmRoles() {
        // Given
        String user = "ana";
        // When
        JsonNode claims = KeycloakTokens.claims(KeycloakResource.accessToken(user));
        // Then
        assertThat(claims.path("iss").asText()).isEqualTo(KeycloakResource.issuer());
        assertThat(claims.path("preferred_username").asText()).isEqualTo("ana");
        assertThat(claims.path("azp").asText()).isEqualTo("cairn-cli");
        assertThat(strings(claims.get("aud"))).contains("cairn-api");
        assertThat(strings(claims.path("realm_access").get("roles"))).contains("data-scientist")
                .doesNotContain("admin", "release-manager", "ci", "sre");
    }

    @Test
    void givesAnAdminTheReleaseManagerRoleThroughTheComposite() {
        // Given
        String user = "ada";
        // When
        JsonNode claims = KeycloakTokens.claims(KeycloakResource.accessToken(user));
        // Then
        assertThat(strings(claims.path("realm_access").get("roles"))).contains("admin", "release-manager");
    }

    @Test
    void givesCiATokenForTheApiWithCiAndReleaseManager() {
        // Given
        String client = KeycloakResource.CI_CLIENT;
        // When
        JsonNode claims = KeycloakTokens.claims(KeycloakResource.ciAccessToken());
        // Then
        assertThat(claims.path("azp").asText()).isEqualTo(client).isEqualTo("cairn-ci");
        assertThat(claims.path("preferred_username").asText()).isEqualTo("service-account-cairn-ci");
        assertThat(strings(claims.get("aud"))).contains("cairn-api");
        assertThat(strings(claims.path("realm_access").get("roles"))).contains("ci", "release-manager")
                .doesNotContain("admin", "data-scientist");
    }

    @Test
    void refusesAWrongClientSecret() {
        // Given
        var tokens = KeycloakResource.tokens();
        // When
        var thrown = catchThrowable(() -> tokens.clientCredentials("cairn-ci", "not-" + KeycloakResource.ciClientSecret()));
        // Then
        assertThat(thrown).isInstanceOf(KeycloakTokens.TokenException.class)
                .hasMessageContaining("client cairn-ci").hasMessageContaining("unauthorized_client")
                .hasMessageNotContaining(KeycloakResource.ciClientSecret());
        assertThat(((KeycloakTokens.TokenException) thrown).status()).isEqualTo(401);
    }

    @Test
    void keepsTheRealmFilePlaceholdersOutOfThePasswords() {
        // Given
        var tokens = KeycloakResource.tokens();
        // When
        var thrown = catchThrowable(() -> tokens.password("cairn-cli", "ana", "${CAIRN_PASSWORD_ANA}"));
        // Then
        assertThat(thrown).isInstanceOf(KeycloakTokens.TokenException.class).hasMessageContaining("invalid_grant");
    }

    /** {@code aud} is a string for one audience and an array for several. */
    private static List<String> strings(JsonNode node) {
        var values = new ArrayList<String>();
        if (node != null && node.isArray()) {
            node.forEach(value -> values.add(value.asText()));
        } else if (node != null) {
            values.add(node.asText());
        }
        return values;
    }
}
