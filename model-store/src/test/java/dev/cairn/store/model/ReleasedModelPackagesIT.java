package dev.cairn.store.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.cairn.store.artifact.FilesystemArtifactStorage;
import dev.cairn.store.csv.CsvRows;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every released version's model packages must keep loading and answering the same way: a library
 * upgrade (Tribuo, protobuf, Jackson) or a manifest change that breaks them fails here first.
 * Each release adds a folder {@code released/<version>/<algorithm>/} with the package's manifest,
 * payload and its predictions for iris at the time.
 */
class ReleasedModelPackagesIT {

    @TempDir
    Path root;

    static Stream<Path> releasedPackages() throws IOException, URISyntaxException {
        Path released = Path.of(ReleasedModelPackagesIT.class.getResource("/released").toURI());
        try (Stream<Path> files = Files.walk(released)) {
            return files.filter(f -> f.endsWith("manifest.json")).map(Path::getParent).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("releasedPackages")
    void loadsAndPredictsAsWhenItWasReleased(Path fixture) throws IOException {
        // Given
        var storage = new FilesystemArtifactStorage(root);
        String manifestSha;
        try (InputStream payload = Files.newInputStream(fixture.resolve("payload.pb"));
                InputStream manifest = Files.newInputStream(fixture.resolve("manifest.json"))) {
            storage.put(payload);
            manifestSha = storage.put(manifest).sha256();
        }
        // When
        LoadedModel loaded = ModelPackages.load(storage, manifestSha);
        // Then
        try (InputStream in = Files.newInputStream(fixture.resolve("expected.csv")); CsvRows expected = CsvRows.open(in)) {
            var labels = expected.header().subList(2, expected.header().size());
            while (expected.hasNext()) {
                String[] row = expected.next();
                Prediction prediction = loaded.predict(Iris.ROWS.get(Integer.parseInt(row[0])));
                assertThat(prediction.label()).as("row %s", row[0]).isEqualTo(row[1]);
                for (int i = 0; i < labels.size(); i++) {
                    // Tolerance, not equality: exp() may differ in the last bits between JVMs.
                    assertThat(prediction.probabilities().get(labels.get(i))).as("row %s, %s", row[0], labels.get(i))
                            .isCloseTo(Double.parseDouble(row[2 + i]), offset(1e-9));
                }
            }
            assertThat(expected.recordNumber()).isEqualTo(Iris.ROWS.size());
        }
    }
}
