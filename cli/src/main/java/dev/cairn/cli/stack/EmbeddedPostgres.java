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
 * the superuser {@code postgres}. Cairn's data lives in its own database, {@value #DATABASE}.
 */
final class EmbeddedPostgres implements AutoCloseable {
    static final String DATABASE = "cairn";
    static final String USER = "postgres";

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * @param dataDir where the cluster lives between runs; empty for a throw-away cluster in a temp directory
     * @param serverLog file that receives the server's own log; empty to drop it
     */
    static EmbeddedPostgres start(Optional<Path> dataDir, Optional<Path> serverLog) throws IOException, SQLException {
        var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setPort(FreePort.pick())
                .setPGStartupWait(Duration.ofSeconds(30))
                // Its own hook would race ours; DevStack closes the server in a defined order.
                .setRegisterShutdownHook(false);
        if (dataDir.isPresent()) {
            Files.createDirectories(dataDir.get());
            PostmasterOrphan.stopIfRunning(dataDir.get());
            builder.setDataDirectory(dataDir.get()).setCleanDataDirectory(false);
        }
        if (serverLog.isPresent()) {
            Files.createDirectories(serverLog.get().getParent());
            Redirect toLog = Redirect.appendTo(serverLog.get().toFile());
            builder.setOutputRedirector(toLog).setErrorRedirector(toLog);
        }
        var postgres = new EmbeddedPostgres(builder.start());
        postgres.createCairnDatabase();
        return postgres;
    }

    int port() {
        return server.getPort();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    private void createCairnDatabase() throws SQLException {
        var url = "jdbc:postgresql://localhost:" + port() + "/postgres";
        try (var connection = DriverManager.getConnection(url, USER, "");
             var statement = connection.createStatement()) {
            var existing = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!existing.next()) {
                statement.execute("create database " + DATABASE);
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
