package dev.cairn.cli.launch;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Properties;

import dev.cairn.cli.stack.KeycloakSecrets;

/**
 * {@code .cairn/credentials} (mode 600): the local realm's secrets, made on the first {@code up} and kept, so people,
 * scripts and the CLI keep their passwords across restarts although Keycloak's in-memory database starts empty
 * every time. A file from before Keycloak (one basic-auth user) gets the missing entries and loses the old ones.
 */
public final class Credentials {
    private static final String CI_SECRET = KeycloakSecrets.CI_CLIENT + ".secret";
    private static final String ADMIN_USER = "keycloak-admin.user";
    private static final String ADMIN_PASSWORD = "keycloak-admin.password";

    private Credentials() {
    }

    /** The secrets {@code ./cairn up} wrote; empty when there is no complete file. */
    public static Optional<KeycloakSecrets> load(Workspace workspace) throws IOException {
        Properties file = read(workspace.credentialsFile());
        var passwords = new LinkedHashMap<String, String>();
        for (String user : KeycloakSecrets.USERS) {
            String password = file.getProperty(user + ".password");
            if (password == null) {
                return Optional.empty();
            }
            passwords.put(user, password);
        }
        String ciSecret = file.getProperty(CI_SECRET);
        String adminUser = file.getProperty(ADMIN_USER);
        String adminPassword = file.getProperty(ADMIN_PASSWORD);
        return ciSecret == null || adminUser == null || adminPassword == null ? Optional.empty()
                : Optional.of(new KeycloakSecrets(passwords, ciSecret, adminUser, adminPassword));
    }

    /** The kept secrets, with any missing one made now (and the file rewritten). */
    static KeycloakSecrets loadOrCreate(Workspace workspace) throws IOException {
        Optional<KeycloakSecrets> complete = load(workspace);
        if (complete.isPresent()) {
            return complete.get();
        }
        Properties file = read(workspace.credentialsFile());
        var passwords = new LinkedHashMap<String, String>();
        KeycloakSecrets.USERS.forEach(user -> passwords.put(user, kept(file, user + ".password")));
        var secrets = new KeycloakSecrets(passwords, kept(file, CI_SECRET),
                file.getProperty(ADMIN_USER, "admin"), kept(file, ADMIN_PASSWORD));
        write(workspace.credentialsFile(), secrets);
        return secrets;
    }

    private static String kept(Properties file, String key) {
        return Optional.ofNullable(file.getProperty(key)).orElseGet(KeycloakSecrets::random);
    }

    private static void write(Path file, KeycloakSecrets secrets) throws IOException {
        var text = new StringBuilder("""
                # Secrets of the Cairn dev stack, made by the first ./cairn up and kept across runs. Yours only (mode 600).
                # Demo users of realm cairn (./cairn commands log in as ada unless CAIRN_USER says otherwise):
                """);
        for (String user : KeycloakSecrets.USERS) {
            text.append(user).append(".password=").append(secrets.password(user)).append('\n');
        }
        text.append("""
                # The CI client: CAIRN_CLIENT_ID=%s CAIRN_CLIENT_SECRET=<this> (client credentials grant)
                %s=%s
                # Keycloak's administrator (master realm), for the admin console
                %s=%s
                %s=%s
                """.formatted(KeycloakSecrets.CI_CLIENT, CI_SECRET, secrets.ciClientSecret(), ADMIN_USER,
                secrets.adminUser(), ADMIN_PASSWORD, secrets.adminPassword()));
        PrivateFile.write(file, text.toString());
    }

    private static Properties read(Path file) throws IOException {
        var properties = new Properties();
        if (Files.isRegularFile(file)) {
            properties.load(new StringReader(Files.readString(file)));
        }
        return properties;
    }
}
