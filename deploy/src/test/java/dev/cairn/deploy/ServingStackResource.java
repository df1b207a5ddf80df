package dev.cairn.deploy;

import dev.cairn.cli.stack.DevStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What an inference server needs, for real: a Kafka broker (cli's {@link DevStack}) and a store holding the churn
 * model, trained here from the real data. The server under test serves it as {@code churn} version {@code 3}.
 */
public class ServingStackResource implements QuarkusTestResourceLifecycleManager {

    public static final String MODEL = "churn";
    public static final String VERSION = "3";
    public static final String DEPLOYMENT = "churn-production";

    private DevStack stack;

    @Override
    public Map<String, String> start() {
        Path storeRoot;
        String modelPackage;
        try {
            storeRoot = Files.createTempDirectory(
                    Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target")), "cairn-store-");
            modelPackage = ChurnModel.store(storeRoot, ChurnModel.CSV);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stack = DevStack.start();
        return Map.of(
                "kafka.bootstrap.servers", stack.kafkaBootstrap(),
                "cairn.store.root", storeRoot.toString(),
                "cairn.serving.model-name", MODEL,
                "cairn.serving.model-version", VERSION,
                "cairn.serving.model-package", modelPackage,
                "cairn.serving.deployment-id", DEPLOYMENT,
                "cairn.serving.baseline-endpoint", "true");
    }

    @Override
    public void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }
}
