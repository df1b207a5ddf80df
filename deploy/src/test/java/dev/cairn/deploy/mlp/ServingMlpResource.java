package dev.cairn.deploy.mlp;

import dev.cairn.cli.stack.DevStack;
import dev.cairn.store.artifact.FilesystemArtifactStorage;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * An inference server's store holding a real MLP package: trained by the worker with DJL on the churn data (layers
 * [32, 16], 8 epochs, batch 64, seed 42; test macro F1 0.728) and committed under {@code models/mlp-churn} as the two
 * artifacts the worker stored, byte for byte. The server serves it as {@code churn-mlp} version {@code 1}.
 */
public class ServingMlpResource implements QuarkusTestResourceLifecycleManager {

    public static final String MODEL = "churn-mlp";
    /** The manifest's digest, which names the package. */
    public static final String PACKAGE = "fe10113b9b2c5a880f3771a56990c2dc9ddb7ac30640adc10f516ec7b8eb3b6c";

    private DevStack stack;

    @Override
    public Map<String, String> start() {
        Path storeRoot;
        try {
            storeRoot = Files.createTempDirectory(
                    Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target")), "cairn-store-");
            var storage = new FilesystemArtifactStorage(storeRoot);
            put(storage, "payload.cairn-mlp");
            if (!put(storage, "manifest.json").equals(PACKAGE)) {
                throw new IllegalStateException("the committed MLP manifest changed; update PACKAGE");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stack = DevStack.start();
        return Map.of(
                "kafka.bootstrap.servers", stack.kafkaBootstrap(),
                "cairn.store.root", storeRoot.toString(),
                "cairn.serving.model-name", MODEL,
                "cairn.serving.model-version", "1",
                "cairn.serving.model-package", PACKAGE,
                "cairn.serving.deployment-id", MODEL + "-production");
    }

    private static String put(FilesystemArtifactStorage storage, String file) throws IOException {
        try (InputStream in = Objects.requireNonNull(ServingMlpResource.class.getResourceAsStream("/models/mlp-churn/" + file), file)) {
            return storage.put(in).sha256();
        }
    }

    @Override
    public void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }
}
