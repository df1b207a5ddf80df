package dev.cairn.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class KeycloakTokensTest {

    @Test
    void readsTheClaimsOfAJwt() {
        // Given
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"aud\":\"cairn-api\",\"realm_access\":{\"roles\":[\"ci\"]}}".getBytes(StandardCharsets.UTF_8));
        // When
        var claims = KeycloakTokens.claims("eyJhbGciOiJSUzI1NiJ9." + payload + ".c2ln");
        // Then
        assertThat(claims.path("aud").asText()).isEqualTo("cairn-api");
        assertThat(claims.path("realm_access").path("roles").get(0).asText()).isEqualTo("ci");
    }

    @Test
    void refusesSomethingThatIsNotAJwt() {
        // Given
        String opaque = "not-a-jwt";
        // When
        var thrown = catchThrowable(() -> KeycloakTokens.claims(opaque));
        // Then
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not a JWT");
    }

    @Test
    void neverShowsTheTokenItself() {
        // Given
        var token = new KeycloakTokens.Token("eyJ.secret.token", Instant.EPOCH);
        // When
        String shown = token.toString();
        // Then
        assertThat(shown).doesNotContain("secret");
    }

    @Test
    void neverShowsTheSecretsItWillPassToKeycloak() {
        // Given
        var secrets = KeycloakSecrets.generate();
        // When
        String shown = secrets.toString();
        // Then
        assertThat(shown).doesNotContain(secrets.ciClientSecret(), secrets.adminPassword(), secrets.password("ada"));
        assertThat(secrets.environment()).containsKeys("CAIRN_PASSWORD_ANA", "CAIRN_PASSWORD_SAM", "CAIRN_PASSWORD_ADA",
                "CAIRN_PASSWORD_CID", "CAIRN_CI_CLIENT_SECRET", "KC_BOOTSTRAP_ADMIN_USERNAME", "KC_BOOTSTRAP_ADMIN_PASSWORD");
    }
}
