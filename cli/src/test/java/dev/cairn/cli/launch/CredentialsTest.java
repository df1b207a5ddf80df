package dev.cairn.cli.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
    @TempDir
    Path repo;

    @Test
    void createsARandomPasswordOnlyItsOwnerCanRead() throws Exception {
        // Given
        var workspace = new Workspace(repo);
        // When
        var credentials = Credentials.loadOrCreate(workspace);
        // Then
        assertThat(credentials.user()).isEqualTo("cairn");
        assertThat(credentials.password()).hasSize(24).matches("[A-Za-z0-9_-]+");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(workspace.credentialsFile()))).isEqualTo("rw-------");
    }

    @Test
    void keepsThePasswordAcrossStarts() throws Exception {
        // Given
        var workspace = new Workspace(repo);
        var first = Credentials.loadOrCreate(workspace);
        // When
        var second = Credentials.loadOrCreate(workspace);
        // Then
        assertThat(second).isEqualTo(first);
    }

    @Test
    void writesTheUserWithEveryRoleForQuarkusEmbeddedRealm() throws Exception {
        // Given
        var credentials = new Credentials("cairn", "s3cret");
        // When
        credentials.writeServiceConfig(repo.resolve("run"));
        // Then
        Path config = repo.resolve("run/config/application.properties");
        assertThat(config).content().contains(
                "quarkus.security.users.embedded.users.cairn=s3cret",
                "quarkus.security.users.embedded.roles.cairn=data-scientist,ci,sre,admin");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
    }

    @Test
    void sendsBasicAuthorization() {
        // Given
        var credentials = new Credentials("cairn", "pw");
        // When
        var header = credentials.basicAuthorization();
        // Then
        assertThat(header).isEqualTo("Basic Y2Fpcm46cHc=");
    }
}
