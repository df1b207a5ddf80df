package dev.cairn.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.cli.launch.Workspace;

class ApiAccessTest {
    @TempDir
    Path repo;

    @Test
    void usesTheClientCredentialsCiSets() throws Exception {
        // Given
        var env = Map.of("CAIRN_API_URL", "https://cairn.example", "CAIRN_OIDC_URL", "https://sso.example/realms/cairn",
                "CAIRN_CLIENT_ID", "cairn-ci", "CAIRN_CLIENT_SECRET", "s");
        // When
        var access = ApiAccess.resolve(env, new Workspace(repo));
        // Then
        assertThat(access.apiUrl()).isEqualTo("https://cairn.example");
        assertThat(access.tokens().who()).isEqualTo("client cairn-ci at https://sso.example/realms/cairn");
    }

    @Test
    void logsInAsTheLocalAdminWithThePasswordUpKept() throws Exception {
        // Given
        var workspace = new Workspace(repo);
        Files.createDirectories(workspace.cairnDir());
        Files.writeString(workspace.credentialsFile(), "ana.password=a\nsam.password=s\nada.password=d\ncid.password=c\n"
                + "cairn-ci.secret=x\nkeycloak-admin.user=admin\nkeycloak-admin.password=k\n");
        var env = Map.of("CAIRN_API_URL", "http://127.0.0.1:8080", "CAIRN_OIDC_URL", "http://127.0.0.1:8180/realms/cairn");
        // When
        var access = ApiAccess.resolve(env, workspace);
        // Then
        assertThat(access.tokens().who()).isEqualTo("user ada at http://127.0.0.1:8180/realms/cairn");
    }

    @Test
    void refusesAClientIdWithoutItsSecret() {
        // Given
        var env = Map.of("CAIRN_API_URL", "https://cairn.example", "CAIRN_OIDC_URL", "https://sso.example/realms/cairn",
                "CAIRN_CLIENT_ID", "cairn-ci", "CAIRN_CLIENT_SECRET", " ");
        // When
        var thrown = catchThrowable(() -> ApiAccess.resolve(env, new Workspace(repo)));
        // Then
        assertThat(thrown).isInstanceOf(ApiAccess.AccessException.class).hasMessageContaining("CAIRN_CLIENT_SECRET is not");
    }

    @Test
    void saysHowToPointAtAnApiWhenNoStackRuns() {
        // Given
        Map<String, String> env = Map.of();
        // When
        var thrown = catchThrowable(() -> ApiAccess.resolve(env, new Workspace(repo)));
        // Then
        assertThat(thrown).isInstanceOf(ApiAccess.AccessException.class).hasMessageContaining("CAIRN_API_URL", "./cairn up");
    }
}
