package dev.cairn.deploy;

import dev.cairn.store.artifact.FilesystemArtifactStorage;
import dev.cairn.store.model.LoadedModel;
import dev.cairn.store.model.ModelPackages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;

/** The package the server under test serves, loaded in the test itself to compare answers with. */
public final class ServedChurn {

    private static LoadedModel model;

    private ServedChurn() {
    }

    public static synchronized LoadedModel model() {
        if (model == null) {
            try {
                var config = ConfigProvider.getConfig();
                model = ModelPackages.load(
                        new FilesystemArtifactStorage(Path.of(config.getValue("cairn.store.root", String.class))),
                        config.getValue("cairn.serving.model-package", String.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return model;
    }
}
