package dev.cairn.cli.launch;

import java.nio.file.Path;

/**
 * Where the launcher keeps its state: everything under {@code <repo>/.cairn/} (ignored by git), next to the
 * services' build output it starts.
 *
 * @param repo the repository root, holding the {@code cairn} script
 */
public record Workspace(Path repo) {
    /** Services {@code ./cairn up} starts, in start order. */
    static final String API = "platform-api";
    static final String WORKER = "pipeline-worker";

    /** The root the script names in {@code -Dcairn.repo}, else the working directory. */
    public static Workspace locate() {
        return new Workspace(Path.of(System.getProperty("cairn.repo", ".")).toAbsolutePath().normalize());
    }

    public Path cairnDir() {
        return repo.resolve(".cairn");
    }

    /** PostgreSQL's cluster and Kafka's log directory, kept between runs. */
    Path dataDir() {
        return cairnDir().resolve("data");
    }

    /** The model store of the local stack; {@code CAIRN_STORE_ROOT} overrides it for the services. */
    public Path storeDir() {
        return cairnDir().resolve("store");
    }

    public Path logsDir() {
        return cairnDir().resolve("logs");
    }

    /** Output of the background {@code up} process: the first place to look when the stack does not start. */
    Path launcherLog() {
        return logsDir().resolve("cairn.log");
    }

    Path serviceLog(String service) {
        return logsDir().resolve(service + ".log");
    }

    /** A service's working directory: Quarkus reads {@code config/application.properties} from there. */
    Path runDir(String service) {
        return cairnDir().resolve("run").resolve(service);
    }

    Path serviceJar(String service) {
        return repo.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    Path stackFile() {
        return cairnDir().resolve("stack.json");
    }

    /** Written by the {@code up} process as it starts, before {@code stack.json} can say anything. */
    Path pidFile() {
        return cairnDir().resolve("cairn.pid");
    }

    /** The embedded Keycloak's home: links into the distribution, its build output and data; made anew each start. */
    Path keycloakHome() {
        return cairnDir().resolve("keycloak");
    }

    /** Realm {@code cairn} as the repository has it, so an edit counts at the next {@code up} without a build. */
    Path realmFile() {
        return repo.resolve("deploy/keycloak/cairn-realm.json");
    }

    public Path credentialsFile() {
        return cairnDir().resolve("credentials");
    }

    public Path demoDir() {
        return repo.resolve("demo");
    }

    /** Shown to users relative to the repository, as they would type it. */
    public String show(Path path) {
        return path.startsWith(repo) ? repo.relativize(path).toString() : path.toString();
    }
}
