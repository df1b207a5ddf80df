package dev.cairn.cli.launch;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

import dev.cairn.cli.stack.KeycloakTokens;

/** What a user needs once the stack is up: where things answer, how to log in, where data and logs are. */
final class StackSummary {
    private StackSummary() {
    }

    static void print(StackState state, Workspace workspace, PrintStream out) {
        out.println(state.readyInMillis() == null
                ? "Cairn is starting (pid " + state.pid() + ")."
                : "Cairn is up (pid %d, ready in %.1f s).".formatted(state.pid(), state.readyInMillis() / 1000.0));
        line(out, "Web UI", state.apiUrl() == null ? null : state.apiUrl() + "/ui/ (log in as one of the users below)");
        line(out, "API", state.apiUrl() == null ? null : state.apiUrl() + "/api");
        line(out, "OpenAPI", state.apiUrl() == null ? null : state.apiUrl() + "/q/openapi");
        line(out, "Swagger UI", state.swaggerUiUrl());
        line(out, "Worker", state.workerUrl() == null ? null : state.workerUrl() + "/q/health");
        line(out, "PostgreSQL", state.jdbcUrl() == null ? null
                : state.dbUser() == null ? state.jdbcUrl() : state.jdbcUrl() + " (user " + state.dbUser() + ")");
        line(out, "Kafka", state.kafkaBootstrap());
        login(state, workspace, out);
        Map<String, Integer> ports = state.ports();
        if (ports != null && ports.containsKey("postgres")) {
            line(out, "Data", workspace.show(workspace.dataDir()) + " (PostgreSQL, Kafka; Keycloak's is in memory), "
                    + workspace.show(workspace.storeDir()) + " (artifacts)");
        }
        line(out, "Logs", workspace.show(workspace.logsDir()) + "/");
        out.println("Stop it with: ./cairn down");
    }

    private static void login(StackState state, Workspace workspace, PrintStream out) {
        if (state.oidcUrl() == null) {
            return;
        }
        if (state.keycloakUrl() == null) {
            line(out, "OIDC", state.oidcUrl() + " (external; CLI: CAIRN_CLIENT_ID/SECRET or CAIRN_USER/PASSWORD)");
            return;
        }
        line(out, "Keycloak", state.oidcUrl() + " (realm cairn)");
        line(out, "Token URL", KeycloakTokens.keycloakTokenUrl(state.oidcUrl()));
        line(out, "Admin", state.keycloakUrl() + "/admin/ (Keycloak admin console, user and password in "
                + workspace.show(Path.of(state.credentialsFile())) + ")");
        line(out, "Users", "ana (data-scientist), sam (sre), ada (admin), cid (ci): the web UI's login page, or the "
                + "password grant via client cairn-cli");
        line(out, "CI client", "cairn-ci (roles ci, release-manager): client credentials");
        line(out, "Passwords", workspace.show(Path.of(state.credentialsFile())) + " (./cairn commands log in as ada)");
    }

    private static void line(PrintStream out, String label, String value) {
        if (value != null) {
            out.printf("  %-11s %s%n", label, value);
        }
    }
}
