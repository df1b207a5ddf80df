package dev.cairn.cli.launch;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@code cairn status}: what runs, where, and whether each service says it is ready. Exit code 3: not running. */
public final class StatusCommand {
    /** As {@code pg_ctl status} and LSB init scripts: "program is not running". */
    static final int NOT_RUNNING = 3;

    private final Workspace workspace;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public StatusCommand(Workspace workspace, PrintStream out) {
        this.workspace = workspace;
        this.out = out;
    }

    public int run() throws InterruptedException {
        var state = StackState.read(workspace);
        if (state.isEmpty()) {
            out.println("Cairn is not running.");
            return NOT_RUNNING;
        }
        var s = state.get();
        if (!s.isAlive()) {
            out.println(s.state() == StackState.State.FAILED
                    ? "Cairn is not running; its last start failed: " + s.reason()
                    : "Cairn is not running (stale " + workspace.show(workspace.stackFile()) + " from pid " + s.pid() + ").");
            return NOT_RUNNING;
        }
        StackSummary.print(s, workspace, out);
        health("platform-api", s.apiUrl() == null ? null : s.apiUrl() + "/q/health/ready");
        health("pipeline-worker", s.workerUrl() == null ? null : s.workerUrl() + "/q/health/ready");
        Integer keycloakManagement = s.ports() == null ? null : s.ports().get("keycloak-management");
        health("keycloak", keycloakManagement == null ? null : "http://127.0.0.1:" + keycloakManagement + "/health/ready");
        return 0;
    }

    private void health(String service, String readinessUrl) throws InterruptedException {
        if (readinessUrl == null) {
            return;
        }
        String verdict;
        try {
            var request = HttpRequest.newBuilder(URI.create(readinessUrl)).timeout(Duration.ofSeconds(3)).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            verdict = status == 200 ? "ready" : "not ready (HTTP " + status + ")";
        } catch (IOException e) {
            verdict = "not answering";
        }
        out.printf("  %-15s %s%n", service, verdict);
    }
}
