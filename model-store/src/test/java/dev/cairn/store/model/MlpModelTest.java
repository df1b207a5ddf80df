package dev.cairn.store.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import dev.cairn.contracts.ColumnType;
import dev.cairn.store.artifact.FilesystemArtifactStorage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlpModelTest {

    /**
     * Two features, one hidden layer of two units, two classes. By hand for x = (3, 1): standardised
     * ((3-1)/2, (1-1)/1) = (1, 0); hidden = relu(1*1 + 2*0 + 0.5, -1*1 + 0*0 + 0) = (1.5, 0); logits = (1.5*1 + 0,
     * 1.5*-1 + 0 + 1) = (1.5, -0.5); softmax = (e^2/(e^2+1), 1/(e^2+1)) = (0.880797, 0.119203).
     */
    static MlpWeights tiny() {
        return new MlpWeights(List.of("a", "b"), List.of("no", "yes"), new float[] {1, 1}, new float[] {2, 1},
                List.of(new MlpWeights.Dense(2, 2, new float[] {1, 2, -1, 0}, new float[] {0.5f, 0}),
                        new MlpWeights.Dense(2, 2, new float[] {1, 0, -1, 0}, new float[] {0, 1})));
    }

    @Test
    void computesTheForwardPassByHand() {
        // Given
        var model = MlpModel.of(tiny());
        // When
        double[] p = model.probabilities(new double[] {3, 1});
        // Then
        assertThat(p[0]).isCloseTo(Math.exp(2) / (Math.exp(2) + 1), within(1e-12));
        assertThat(p[1]).isCloseTo(1 / (Math.exp(2) + 1), within(1e-12));
    }

    @Test
    void answersThroughAPackageLikeAnyClassifier(@TempDir Path root) throws IOException {
        // Given
        var storage = new FilesystemArtifactStorage(root);
        var manifest = new ModelManifest(1, null, null, null, null, 0, ModelManifest.CLASSIFICATION, "label",
                List.of(new InputFeature("a", ColumnType.NUMERIC, null), new InputFeature("b", ColumnType.NUMERIC, null)),
                null, List.of(), Map.of(), null, Instant.EPOCH);
        var ref = ModelPackages.save(storage, manifest, MlpModel.of(tiny()));
        // When
        var loaded = ModelPackages.load(storage, ref.sha256());
        var prediction = loaded.predict(Map.of("a", "3", "b", "1"));
        // Then
        assertThat(loaded.manifest().format()).isEqualTo(ModelPackages.CAIRN_MLP);
        assertThat(prediction.label()).isEqualTo("no");
        assertThat(prediction.probabilities().get("yes")).isCloseTo(1 / (Math.exp(2) + 1), within(1e-12));
    }

    @Test
    void readsBackExactlyWhatItWrote() throws IOException {
        // Given
        byte[] payload = MlpPayload.write(tiny());
        // When
        var read = MlpPayload.read(payload);
        // Then
        assertThat(read.features()).isEqualTo(tiny().features());
        assertThat(read.labels()).isEqualTo(tiny().labels());
        assertThat(read.scale()).containsExactly(2, 1);
        assertThat(read.layers().get(0).weights()).containsExactly(1, 2, -1, 0);
        assertThat(read.layers().get(1).bias()).containsExactly(0, 1);
    }

    @Test
    void refusesATruncatedPayload() {
        // Given
        byte[] payload = MlpPayload.write(tiny());
        byte[] truncated = Arrays.copyOf(payload, payload.length - 4);
        // When
        Throwable thrown = catchThrowable(() -> MlpPayload.read(truncated));
        // Then
        assertThat(thrown).isInstanceOf(ModelPackageException.class).hasMessageContaining("bytes of weights");
    }

    @Test
    void refusesBytesThatAreNotAnMlp() {
        // When
        Throwable thrown = catchThrowable(() -> MlpPayload.read("not a model at all".getBytes()));
        // Then
        assertThat(thrown).isInstanceOf(ModelPackageException.class).hasMessageContaining("CAIRNMLP");
    }

    @Test
    void refusesAWeightThatIsNotANumber() {
        // Given
        byte[] payload = MlpPayload.write(tiny());
        // the last float is the output layer's second bias
        java.nio.ByteBuffer.wrap(payload).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(payload.length - 4, Float.NaN);
        // When
        Throwable thrown = catchThrowable(() -> MlpPayload.read(payload));
        // Then
        assertThat(thrown).isInstanceOf(ModelPackageException.class).hasMessageContaining("finite");
    }

    @Test
    void refusesAPayloadLongerThanItsHeaderSays(@TempDir Path root) throws IOException {
        // Given
        byte[] payload = Arrays.copyOf(MlpPayload.write(tiny()), MlpPayload.write(tiny()).length + 8);
        new FilesystemArtifactStorage(root).put(new ByteArrayInputStream(payload));
        // When
        Throwable thrown = catchThrowable(() -> MlpPayload.read(payload));
        // Then
        assertThat(thrown).isInstanceOf(ModelPackageException.class).hasMessageContaining("follow it");
    }
}
