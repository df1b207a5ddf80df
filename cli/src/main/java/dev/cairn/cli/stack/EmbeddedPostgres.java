package dev.cairn.cli.stack;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * A real PostgreSQL 17 server from zonky's Maven-packaged binaries, on a free loopback port, with trust auth for
 * the superuser {@code postgres}. Cairn's data lives in its own database, {@value #DATABASE}. New clusters are
 * copies of a {@link PostgresTemplate}.
 */
final class EmbeddedPostgres implements AutoCloseable {
    static final String DATABASE = "cairn";
    static final String USER = "postgres";

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private final Optional<Path> throwAwayDir;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server, Optional<Path> throwAwayDir) {
        this.server = server;
        this.throwAwayDir = throwAwayDir;
    }

    /**
     * @param dataDir where the cluster lives between runs; empty for a throw-away cluster in a temp directory
     * @param serverLog file that receives the server's own log; empty to drop it
     */
    static EmbeddedPostgres start(Optional<Path> dataDir, Optional<Path> serverLog) throws IOException, SQLException {
        Path dir = dataDir.isPresent() ? Files.createDirectories(dataDir.get()) : Files.createTempDirectory("cairn-pg-");
        try {
            if (Files.exists(dir.resolve("postgresql.conf"))) {
                PostmasterOrphan.stopIfRunning(dir);
            } else {
                PostgresTemplate.copyTo(dir);
            }
            var postgres = new EmbeddedPostgres(launch(dir, serverLog), dataDir.isEmpty() ? Optional.of(dir) : Optional.empty());
            createCairnDatabase(postgres.port());
            return postgres;
        } catch (IOException | SQLException | RuntimeException e) {
            if (dataDir.isEmpty()) {
                Directories.delete(dir);
            }
            throw e;
        }
    }

    /** Starts a server on an existing or empty ({@code initdb} runs then) data directory, which it never deletes. */
    static io.zonky.test.db.postgres.embedded.EmbeddedPostgres launch(Path dataDir, Optional<Path> serverLog) throws IOException {
        var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setPort(FreePort.pick())
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(30))
                // Its own hook would race ours; DevStack closes the server in a defined order.
                .setRegisterShutdownHook(false);
        if (serverLog.isPresent()) {
            Files.createDirectories(serverLog.get().getParent());
            Redirect toLog = Redirect.appendTo(serverLog.get().toFile());
            builder.setOutputRedirector(toLog).setErrorRedirector(toLog);
        }
        return builder.start();
    }

    static void createCairnDatabase(int port) throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", USER, "");
             var statement = connection.createStatement()) {
            var existing = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!existing.next()) {
                statement.execute("create database " + DATABASE);
            }
        }
    }

    int port() {
        return server.getPort();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    @Override
    public void close() throws IOException {
        server.close();
        if (throwAwayDir.isPresent()) {
            Directories.delete(throwAwayDir.get());
        }
    }
}
