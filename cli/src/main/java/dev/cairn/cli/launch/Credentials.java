package dev.cairn.cli.launch;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * The local user of a dev stack. Its password is random, made on the first {@code up} and kept in
 * {@code .cairn/credentials} (mode 600) so scripts and the CLI keep working across restarts.
 */
public record Credentials(String user, String password) {
    static final String USER = "cairn";
    /** Every role the platform knows: the local user is the whole team. */
    static final String ROLES = "data-scientist,ci,sre,admin";

    /** Reads {@code .cairn/credentials}, written by {@code ./cairn up}. */
    public static Optional<Credentials> load(Workspace workspace) throws IOException {
        Path file = workspace.credentialsFile();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        var props = new Properties();
        props.load(new StringReader(Files.readString(file)));
        String user = props.getProperty("user");
        String password = props.getProperty("password");
        return user == null || password == null ? Optional.empty() : Optional.of(new Credentials(user, password));
    }

    static Credentials loadOrCreate(Workspace workspace) throws IOException {
        Optional<Credentials> existing = load(workspace);
        if (existing.isPresent()) {
            return existing.get();
        }
        var created = new Credentials(USER, randomPassword());
        PrivateFile.write(workspace.credentialsFile(), """
                # Local user of the Cairn dev stack (./cairn up). Use with HTTP basic auth, for example:
                #   curl -u "$(sed -n 's/^user=//p' .cairn/credentials):$(sed -n 's/^password=//p' .cairn/credentials)" ...
                user=%s
                password=%s
                """.formatted(created.user(), created.password()));
        return created;
    }

    /** The user as Quarkus' embedded realm reads it (plain text, as platform-api configures the realm). */
    void writeServiceConfig(Path serviceRunDir) throws IOException {
        PrivateFile.write(serviceRunDir.resolve("config/application.properties"), """
                # Written by ./cairn up on every start; edit .cairn/credentials instead.
                quarkus.security.users.embedded.users.%1$s=%2$s
                quarkus.security.users.embedded.roles.%1$s=%3$s
                """.formatted(user, password, ROLES));
    }

    /** Value of an HTTP {@code Authorization} header. */
    public String basicAuthorization() {
        var token = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(token);
    }

    /** 144 random bits, URL-safe so it survives properties files, shells and URLs unquoted. */
    private static String randomPassword() {
        var bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=***]";
    }
}
