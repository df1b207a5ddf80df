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
    void makesRandomSecretsOnlyItsOwnerCanRead() throws Exception {
        // Given
        var workspace = new Workspace(repo);
        // When
        var secrets = Credentials.loadOrCreate(workspace);
        // Then
        assertThat(secrets.passwords()).containsOnlyKeys("ana", "sam", "ada", "cid");
        assertThat(secrets.passwords().values()).allMatch(p -> p.matches("[A-Za-z0-9_-]{24}")).doesNotHaveDuplicates();
        assertThat(secrets.ciClientSecret()).hasSize(24).isNotIn(secrets.passwords().values());
        assertThat(secrets.adminUser()).isEqualTo("admin");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(workspace.credentialsFile()))).isEqualTo("rw-------");
    }

    @Test
    void keepsTheSecretsAcrossStarts() throws Exception {
        // Given
        var workspace = new Workspace(repo);
        var first = Credentials.loadOrCreate(workspace);
        // When
        var second = Credentials.loadOrCreate(workspace);
        // Then
        assertThat(second).isEqualTo(first);
        assertThat(Credentials.load(workspace)).contains(first);
    }

    @Test
    void replacesTheBasicAuthUserOfOlderStacksWithTheRealmSecrets() throws Exception {
        // Given
        var workspace = new Workspace(repo);
        Files.createDirectories(workspace.cairnDir());
        Files.writeString(workspace.credentialsFile(), "user=cairn\npassword=old\nada.password=kept-ada\n");
        // When
        var secrets = Credentials.loadOrCreate(workspace);
        // Then
        assertThat(secrets.password("ada")).isEqualTo("kept-ada");
        assertThat(Files.readString(workspace.credentialsFile())).contains("ada.password=kept-ada", "cairn-ci.secret=",
                "keycloak-admin.password=").doesNotContain("user=cairn", "password=old");
    }

    @Test
    void findsNothingBeforeTheFirstStart() throws Exception {
        // Given
        var workspace = new Workspace(repo);
        // When
        var secrets = Credentials.load(workspace);
        // Then
        assertThat(secrets).isEmpty();
    }
}
