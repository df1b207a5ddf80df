package dev.cairn.worker.artifact;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.cairn.contracts.TaskCommand;
import dev.cairn.store.artifact.ArtifactStorage;
import dev.cairn.store.artifact.MissingArtifactException;
import dev.cairn.store.csv.CsvFormatException;
import dev.cairn.store.csv.CsvRows;
import dev.cairn.store.csv.CsvWriter;
import dev.cairn.worker.task.StepFailure;
import dev.cairn.worker.task.TaskJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A step's reads and writes of the artifact store: CSV tables and JSON documents, named by digest. */
@ApplicationScoped
public class Artifacts {

    private final ArtifactStorage storage;

    public Artifacts(ArtifactStorage storage) {
        this.storage = storage;
    }

    public ArtifactStorage storage() {
        return storage;
    }

    /** The digest of the command's input with this role; a command without it cannot run. */
    public static String input(TaskCommand command, String role) {
        String sha256 = command.inputs() == null ? null : command.inputs().get(role);
        if (sha256 == null) {
            throw new StepFailure("the task has no '" + role + "' input");
        }
        return sha256;
    }

    public Table readCsv(String role, String sha256) throws IOException {
        try (InputStream in = open(role, sha256); CsvRows rows = CsvRows.open(in)) {
            List<String[]> cells = new ArrayList<>();
            rows.forEachRemaining(cells::add);
            return new Table(rows.header(), cells);
        } catch (CsvFormatException e) {
            throw new StepFailure("the " + role + " CSV cannot be read: " + e.getMessage());
        }
    }

    /** Writes through a temporary file, so a large table never sits in memory twice. */
    public String writeCsv(Table table) throws IOException {
        Path file = Files.createTempFile("cairn-", ".csv");
        try {
            try (OutputStream out = Files.newOutputStream(file); CsvWriter writer = CsvWriter.open(out, table.header())) {
                for (String[] row : table.rows()) {
                    writer.write(row);
                }
            }
            return storage.put(file).sha256();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    public <T> T readJson(String role, String sha256, TypeReference<T> type) throws IOException {
        try (InputStream in = open(role, sha256)) {
            return TaskJson.MAPPER.readValue(in, type);
        } catch (JacksonException e) {
            throw new StepFailure("the " + role + " artifact is not the JSON this step expects");
        }
    }

    public String writeJson(Object value) throws IOException {
        byte[] json = TaskJson.MAPPER.writeValueAsBytes(value);
        return storage.put(new ByteArrayInputStream(json)).sha256();
    }

    /** A missing input usually means the control plane and this worker do not share {@code cairn.store.root}. */
    private InputStream open(String role, String sha256) throws IOException {
        try {
            return storage.open(sha256);
        } catch (MissingArtifactException e) {
            throw new StepFailure("the " + role + " input (" + sha256 + ") is not in the artifact store; "
                    + "do platform-api and the worker share cairn.store.root?");
        } catch (IllegalArgumentException e) {
            throw new StepFailure("the " + role + " input is not a SHA-256 digest: '" + sha256 + "'");
        }
    }
}
