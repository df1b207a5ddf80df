package dev.cairn.cli.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What {@code .cairn/stack.json} says about the running stack: written by the {@code up} process as it starts and
 * once it is ready, read by {@code down}, {@code status}, {@code demo} and the {@code cairn} script.
 *
 * @param pid the {@code up} process, which holds the servers and is the one to signal
 * @param oidcUrl the issuer URL of realm {@code cairn}, embedded or external; tokens for the API come from there
 * @param keycloakUrl the embedded Keycloak's base URL (its admin console is {@code /admin/}); null when external
 * @param credentialsFile the demo users' passwords and the {@code cairn-ci} secret
 * @param dbUser PostgreSQL's user; the embedded server trusts loopback connections, so it needs no password
 * @param apiUrl platform-api's base URL (its REST resources are under {@code /api})
 * @param swaggerUiUrl only when platform-api serves Swagger UI
 * @param ports by name: {@code api}, {@code worker}, and {@code postgres}, {@code kafka}, {@code keycloak} when embedded
 * @param servicePids child processes by name (the services, and Keycloak's JVM), so {@code down} can stop them if
 *                    {@code up} was killed
 * @param reason why the start failed, when {@code state} is {@code FAILED}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StackState(State state, long pid, String startedAt, Long readyInMillis, String apiUrl, String swaggerUiUrl,
                         String workerUrl,
                         Map<String, Integer> ports, String oidcUrl, String keycloakUrl, String credentialsFile, String jdbcUrl,
                         String dbUser, String kafkaBootstrap, Map<String, Long> servicePids, String reason) {

    /** Lifecycle of one {@code up}. */
    public enum State { STARTING, READY, FAILED }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static Optional<StackState> read(Workspace workspace) {
        Path file = workspace.stackFile();
        try {
            return Files.isRegularFile(file) ? Optional.of(JSON.readValue(file.toFile(), StackState.class)) : Optional.empty();
        } catch (IOException e) {
            // Half-written files cannot happen (see write); anything unreadable is stale.
            return Optional.empty();
        }
    }

    /** Replaces the file atomically, so a reader never sees half of it. */
    void write(Workspace workspace) throws IOException {
        Path file = workspace.stackFile();
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        JSON.writeValue(partial.toFile(), this);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** True while the process that wrote this file still runs (and its pid was not reused by another program). */
    @JsonIgnore
    public boolean isAlive() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(StackState::isLauncher).orElse(false);
    }

    static boolean isLauncher(ProcessHandle process) {
        return process.info().arguments().map(args -> List.of(args).contains("dev.cairn.cli.Main")).orElse(true);
    }

    @JsonIgnore
    public boolean isReady() {
        return state == State.READY && isAlive();
    }

    StackState readyIn(Duration readyIn, String swaggerUi) {
        return new StackState(State.READY, pid, startedAt, readyIn.toMillis(), apiUrl, swaggerUi, workerUrl, ports, oidcUrl,
                keycloakUrl, credentialsFile, jdbcUrl, dbUser, kafkaBootstrap, servicePids, null);
    }

    StackState failedBecause(String why) {
        return new StackState(State.FAILED, pid, startedAt, readyInMillis, apiUrl, swaggerUiUrl, workerUrl, ports, oidcUrl,
                keycloakUrl, credentialsFile, jdbcUrl, dbUser, kafkaBootstrap, servicePids, why);
    }
}
