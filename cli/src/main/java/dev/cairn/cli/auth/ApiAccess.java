package dev.cairn.cli.auth;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import dev.cairn.cli.api.CairnClient;
import dev.cairn.cli.launch.Credentials;
import dev.cairn.cli.launch.StackState;
import dev.cairn.cli.launch.Workspace;

/**
 * Which API the commands call and as whom. From the environment first, so CI needs no local state:
 *
 * <ul>
 * <li>{@code CAIRN_API_URL}, else the local stack of {@code ./cairn up} ({@code .cairn/stack.json});</li>
 * <li>{@code CAIRN_OIDC_URL} (the realm's issuer URL), else the local stack's Keycloak;</li>
 * <li>{@code CAIRN_CLIENT_ID} and {@code CAIRN_CLIENT_SECRET}: the client credentials grant (CI);</li>
 * <li>else the password grant through {@code cairn-cli} as {@code CAIRN_USER} (default {@code ada}, the local admin)
 * with {@code CAIRN_PASSWORD}, else the password {@code ./cairn up} keeps in {@code .cairn/credentials}.</li>
 * </ul>
 *
 * @param apiUrl platform-api's base URL (its REST resources are under {@code /api})
 */
public record ApiAccess(String apiUrl, BearerTokens tokens) {
    public static final String CLI_CLIENT = "cairn-cli";
    public static final String LOCAL_USER = "ada";

    public static ApiAccess resolve(Map<String, String> env, Workspace workspace) throws IOException {
        Optional<StackState> stack = StackState.read(workspace).filter(StackState::isReady);
        String apiUrl = value(env, "CAIRN_API_URL").or(() -> stack.map(StackState::apiUrl)).orElseThrow(() ->
                new AccessException("No Cairn API to call: set CAIRN_API_URL, or start the local stack with ./cairn up."));
        String issuer = value(env, "CAIRN_OIDC_URL").or(() -> stack.map(StackState::oidcUrl)).orElseThrow(() ->
                new AccessException("No OIDC issuer to get a token from: set CAIRN_OIDC_URL to the realm's URL, "
                        + "e.g. https://keycloak.example/realms/cairn."));
        Optional<String> clientId = value(env, "CAIRN_CLIENT_ID");
        if (clientId.isPresent()) {
            String secret = value(env, "CAIRN_CLIENT_SECRET").orElseThrow(() ->
                    new AccessException("CAIRN_CLIENT_ID is set but CAIRN_CLIENT_SECRET is not."));
            return new ApiAccess(apiUrl, BearerTokens.clientCredentials(issuer, clientId.get(), secret));
        }
        String user = value(env, "CAIRN_USER").orElse(LOCAL_USER);
        Optional<String> password = value(env, "CAIRN_PASSWORD");
        if (password.isEmpty()) {
            password = Credentials.load(workspace).flatMap(secrets -> Optional.ofNullable(secrets.passwords().get(user)));
        }
        String resolved = password.orElseThrow(() -> new AccessException("No password for " + user + ": set "
                + "CAIRN_PASSWORD, or CAIRN_CLIENT_ID and CAIRN_CLIENT_SECRET for a client, or run ./cairn up, which keeps "
                + "the demo users' passwords in " + workspace.show(workspace.credentialsFile()) + "."));
        return new ApiAccess(apiUrl, BearerTokens.password(issuer, CLI_CLIENT, user, resolved));
    }

    public CairnClient client() {
        return new CairnClient(apiUrl, tokens);
    }

    /** Blank counts as unset: CI systems often define a variable whose secret is missing as empty. */
    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** Not enough configuration to call the API; exit code 4 like any other authentication problem. */
    public static final class AccessException extends IOException {
        AccessException(String message) {
            super(message);
        }
    }
}
