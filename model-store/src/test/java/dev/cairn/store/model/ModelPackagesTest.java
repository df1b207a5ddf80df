package dev.cairn.store.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cairn.store.artifact.ArtifactRef;
import dev.cairn.store.artifact.ArtifactStorage;
import dev.cairn.store.artifact.CorruptArtifactException;
import dev.cairn.store.artifact.FilesystemArtifactStorage;
import dev.cairn.store.artifact.MissingArtifactException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;

class ModelPackagesTest {

    @TempDir
    Path root;
    private ArtifactStorage storage;

    @BeforeEach
    void openStorage() throws IOException {
        storage = new FilesystemArtifactStorage(root);
    }

    @ParameterizedTest
    @ValueSource(strings = {"logistic-regression", "cart"})
    void loadsAModelThatPredictsExactlyAsTheOneSaved(String algorithm) throws IOException {
        // Given
        Model<Label> trained = Iris.train(algorithm);
        var original = new LoadedModel(withLabels(Iris.manifest(algorithm), List.of("setosa", "versicolor", "virginica")),
                trained, Featurizer.of(Iris.manifest(algorithm)));
        ArtifactRef ref = ModelPackages.save(storage, Iris.manifest(algorithm), trained);
        // When
        LoadedModel loaded = ModelPackages.load(storage, ref.sha256());
        // Then
        for (Map<String, String> row : Iris.ROWS) {
            assertThat(loaded.predict(row)).isEqualTo(original.predict(row));
        }
        assertThat(loaded.predict(Iris.ROWS.get(0)).label()).isEqualTo("setosa");
        assertThat(loaded.predict(Iris.ROWS.get(0)).probabilities()).containsOnlyKeys("setosa", "versicolor", "virginica");
    }

    @Test
    void fillsInThePayloadItStored() throws IOException {
        // Given
        ArtifactRef ref = ModelPackages.save(storage, Iris.manifest("cart"), Iris.train("cart"));
        // When
        ModelManifest manifest = ModelPackages.readManifest(storage, ref.sha256());
        // Then
        assertThat(manifest.format()).isEqualTo("tribuo-protobuf");
        assertThat(manifest.framework()).isEqualTo("tribuo");
        assertThat(manifest.frameworkVersion()).isEqualTo("4.3.2");
        assertThat(manifest.labels()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(storage.exists(manifest.payloadSha256())).isTrue();
        try (InputStream payload = storage.open(manifest.payloadSha256())) {
            assertThat(payload.readAllBytes()).hasSize((int) manifest.payloadSize());
        }
        assertThat(manifest.lineage()).isEqualTo(Iris.manifest("cart").lineage());
        assertThat(manifest.createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    }

    @Test
    void writesTheManifestAsJsonWithIsoDates() throws IOException {
        // Given
        ArtifactRef ref = ModelPackages.save(storage, Iris.manifest("cart"), Iris.train("cart"));
        // When
        String json;
        try (InputStream in = storage.open(ref.sha256())) {
            json = new String(in.readAllBytes(), UTF_8);
        }
        // Then
        assertThat(json).contains("\"createdAt\" : \"2026-01-02T03:04:05Z\"")
                .contains("\"format\" : \"tribuo-protobuf\"")
                .contains("\"type\" : \"NUMERIC\"");
    }

    @Test
    void refusesAPayloadWhoseBytesChanged() throws IOException {
        // Given
        ArtifactRef ref = ModelPackages.save(storage, Iris.manifest("cart"), Iris.train("cart"));
        String payloadSha = ModelPackages.readManifest(storage, ref.sha256()).payloadSha256();
        Path stored = root.resolve("sha256").resolve(payloadSha.substring(0, 2)).resolve(payloadSha.substring(2));
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(stored, bytes);
        // When
        Throwable thrown = catchThrowable(() -> ModelPackages.load(storage, ref.sha256()));
        // Then
        assertThat(thrown).isInstanceOf(CorruptArtifactException.class).hasMessageContaining(payloadSha);
    }

    @Test
    void refusesAPayloadFormatItDoesNotKnow() throws IOException {
        // Given
        ArtifactRef saved = ModelPackages.save(storage, Iris.manifest("cart"), Iris.train("cart"));
        ModelManifest manifest = ModelPackages.readManifest(storage, saved.sha256());
        ArtifactRef javaSerialized = ModelPackages.saveManifest(storage, withFormat(manifest, "java-serialization"));
        // When
        Throwable thrown = catchThrowable(() -> ModelPackages.load(storage, javaSerialized.sha256()));
        // Then
        assertThat(thrown).isInstanceOf(ModelPackageException.class)
                .hasMessageContaining("'java-serialization'")
                .hasMessageContaining("loads tribuo-protobuf and cairn-mlp");
    }

    @Test
    void refusesAPayloadThatIsNotATribuoModel() throws IOException {
        // Given
        ArtifactRef saved = ModelPackages.save(storage, Iris.manifest("cart"), Iris.train("cart"));
        ArtifactRef garbage = storage.put(new ByteArrayInputStream("not a model at all".getBytes(UTF_8)));
        ModelManifest manifest = ModelPackages.readManifest(storage, saved.sha256())
                .withPayload("tribuo", "4.3.2", "tribuo-protobuf", garbage, List.of("setosa", "versicolor", "virginica"));
        ArtifactRef bad = ModelPackages.saveManifest(storage, manifest);
        // When
        Throwable thrown = catchThrowable(() -> ModelPackages.load(storage, bad.sha256()));
        // Then
        assertThat(thrown).isInstanceOf(ModelPackageException.class).hasMessageContaining("is not a Tribuo model");
    }

    @Test
    void refusesAPayloadNamingAClassOutsideTribuo() throws IOException {
        // Given
        ArtifactRef saved = ModelPackages.save(storage, Iris.manifest("cart"), Iris.train("cart"));
        byte[] proto = ModelProto.newBuilder().setClassName("java.lang.ProcessBuilder").setVersion(0).build().toByteArray();
        ArtifactRef foreign = storage.put(new ByteArrayInputStream(proto));
        ModelManifest manifest = ModelPackages.readManifest(storage, saved.sha256())
                .withPayload("tribuo", "4.3.2", "tribuo-protobuf", foreign, List.of("setosa", "versicolor", "virginica"));
        ArtifactRef bad = ModelPackages.saveManifest(storage, manifest);
        // When
        Throwable thrown = catchThrowable(() -> ModelPackages.load(storage, bad.sha256()));
        // Then
        assertThat(thrown).isInstanceOf(ModelPackageException.class)
                .hasMessageContaining("names class 'java.lang.ProcessBuilder', which is not a Tribuo model");
    }

    @Test
    void sharesThePayloadWhenOnlyTheMetricsChange() throws IOException {
        // Given
        ArtifactRef trained = ModelPackages.save(storage, Iris.manifest("cart"), Iris.train("cart"));
        ModelManifest manifest = ModelPackages.readManifest(storage, trained.sha256());
        // When
        ArtifactRef evaluated = ModelPackages.saveManifest(storage, manifest.withMetrics(Map.of("accuracy", 0.97)));
        // Then
        LoadedModel loaded = ModelPackages.load(storage, evaluated.sha256());
        assertThat(evaluated.sha256()).isNotEqualTo(trained.sha256());
        assertThat(loaded.manifest().payloadSha256()).isEqualTo(manifest.payloadSha256());
        assertThat(loaded.manifest().metrics()).containsExactly(Map.entry("accuracy", 0.97));
    }

    @Test
    void savesTheSameManifestUnderTheSameDigest() throws IOException {
        // Given
        ArtifactRef first = ModelPackages.save(storage, Iris.manifest("cart"), Iris.train("cart"));
        ModelManifest manifest = ModelPackages.readManifest(storage, first.sha256());
        // When
        ArtifactRef again = ModelPackages.saveManifest(storage, manifest);
        // Then
        assertThat(again).isEqualTo(first);
    }

    @Test
    void refusesAManifestWhosePayloadIsNotStored() {
        // Given
        ModelManifest manifest = Iris.manifest("cart").withPayload("tribuo", "4.3.2", "tribuo-protobuf",
                new ArtifactRef("d".repeat(64), 10), List.of("setosa"));
        // When
        Throwable thrown = catchThrowable(() -> ModelPackages.saveManifest(storage, manifest));
        // Then
        assertThat(thrown).isInstanceOf(MissingArtifactException.class);
    }

    @Test
    void refusesLabelsTheModelDoesNotAnswer() {
        // Given
        ModelManifest wrongLabels = withLabels(Iris.manifest("cart"), List.of("setosa", "versicolor"));
        // When
        Throwable thrown = catchThrowable(() -> ModelPackages.save(storage, wrongLabels, Iris.train("cart")));
        // Then
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the model answers");
    }

    @Test
    void keepsTheLabelOrderTheCallerGives() throws IOException {
        // Given
        ModelManifest ordered = withLabels(Iris.manifest("cart"), List.of("virginica", "setosa", "versicolor"));
        ArtifactRef ref = ModelPackages.save(storage, ordered, Iris.train("cart"));
        // When
        Prediction prediction = ModelPackages.load(storage, ref.sha256()).predict(Iris.ROWS.get(0));
        // Then
        assertThat(prediction.probabilities().keySet()).containsExactly("virginica", "setosa", "versicolor");
    }

    @Test
    void readsAManifestWithFieldsItDoesNotKnowAndWithoutOptionalOnes() throws IOException {
        // Given: as an older writer (no missingTokens) or a newer one (an unknown field) might store it
        ArtifactRef payload = storage.put(new ByteArrayInputStream(new byte[] {1, 2, 3}));
        String json = """
                {"formatVersion": 1, "framework": "tribuo", "frameworkVersion": "4.3.2", "format": "tribuo-protobuf",
                 "payloadSha256": "%s", "payloadSize": 3, "task": "classification", "target": "species",
                 "inputSignature": [{"name": "x", "type": "NUMERIC"}], "labels": ["a", "b"],
                 "createdAt": "2026-01-02T03:04:05Z", "calibration": {"method": "isotonic"}}
                """.formatted(payload.sha256());
        ArtifactRef ref = storage.put(new ByteArrayInputStream(json.getBytes(UTF_8)));
        // When
        ModelManifest manifest = ModelPackages.readManifest(storage, ref.sha256());
        // Then
        assertThat(manifest.createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(manifest.inputSignature()).containsExactly(new InputFeature("x", dev.cairn.contracts.ColumnType.NUMERIC, null));
        assertThat(manifest.missingTokens()).isNull();
    }

    @Test
    void refusesAManifestFromANewerFormatVersion() throws IOException {
        // Given
        ArtifactRef payload = storage.put(new ByteArrayInputStream(new byte[] {1}));
        String json = "{\"formatVersion\": 2, \"format\": \"tribuo-protobuf\", \"payloadSha256\": \"" + payload.sha256() + "\"}";
        ArtifactRef ref = storage.put(new ByteArrayInputStream(json.getBytes(UTF_8)));
        // When
        Throwable thrown = catchThrowable(() -> ModelPackages.readManifest(storage, ref.sha256()));
        // Then
        assertThat(thrown).isInstanceOf(ModelPackageException.class).hasMessageContaining("format version 2");
    }

    @Test
    void refusesAnArtifactThatIsNotAManifest() throws IOException {
        // Given
        ArtifactRef csv = storage.put(new ByteArrayInputStream("a,b\n1,2\n".getBytes(UTF_8)));
        // When
        Throwable thrown = catchThrowable(() -> ModelPackages.load(storage, csv.sha256()));
        // Then
        assertThat(thrown).isInstanceOf(ModelPackageException.class).hasMessageContaining("is not a model manifest");
    }

    private static ModelManifest withFormat(ModelManifest m, String format) {
        return new ModelManifest(m.formatVersion(), m.framework(), m.frameworkVersion(), format, m.payloadSha256(),
                m.payloadSize(), m.task(), m.target(), m.inputSignature(), m.labels(), m.preprocessing(), m.metrics(),
                m.lineage(), m.createdAt(), m.missingTokens());
    }

    private static ModelManifest withLabels(ModelManifest m, List<String> labels) {
        return new ModelManifest(m.formatVersion(), m.framework(), m.frameworkVersion(), m.format(), m.payloadSha256(),
                m.payloadSize(), m.task(), m.target(), m.inputSignature(), labels, m.preprocessing(), m.metrics(),
                m.lineage(), m.createdAt(), m.missingTokens());
    }
}
