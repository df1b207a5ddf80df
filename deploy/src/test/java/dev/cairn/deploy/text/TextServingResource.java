package dev.cairn.deploy.text;

import dev.cairn.cli.stack.DevStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A Kafka broker and a store holding the fortunes text classifier, served as {@code fortunes} version 1. */
public class TextServingResource implements QuarkusTestResourceLifecycleManager {

    private DevStack stack;

    @Override
    public Map<String, String> start() {
        Path storeRoot;
        String modelPackage;
        try {
            storeRoot = Files.createTempDirectory(
                    Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target")), "cairn-text-store-");
            modelPackage = FortunesModel.store(storeRoot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stack = DevStack.start();
        return Map.of(
                "kafka.bootstrap.servers", stack.kafkaBootstrap(),
                "cairn.store.root", storeRoot.toString(),
                "cairn.serving.model-name", "fortunes",
                "cairn.serving.model-version", "1",
                "cairn.serving.model-package", modelPackage,
                "cairn.serving.deployment-id", "fortunes-production");
    }

    @Override
    public void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }
}
