package dev.cairn.deploy.model;

import dev.cairn.store.artifact.FilesystemArtifactStorage;
import dev.cairn.store.model.LoadedModel;
import dev.cairn.store.model.ModelPackages;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Loads the configured model package from the store when the server starts (its SHA-256 and the payload's are
 * checked by {@link ModelPackages#load}), warms it up, then marks the server ready. It runs beside the HTTP
 * server's start, so liveness answers at once; a package that cannot be loaded stops the process with a non-zero
 * status and the reason in the log: a server that can never become ready should fail visibly (a crash-looping
 * pod, a failed child process), not sit unready.
 */
@ApplicationScoped
class ModelLoader {

    private static final Logger LOG = Logger.getLogger(ModelLoader.class);

    private final ServingConfig serving;
    private final StoreConfig store;
    private final ServedModel served;

    ModelLoader(ServingConfig serving, StoreConfig store, ServedModel served) {
        this.serving = serving;
        this.store = store;
        this.served = served;
    }

    void onStart(@Observes StartupEvent started) {
        Thread.ofPlatform().name("cairn-model-loader").start(this::loadAndWarm);
    }

    private void loadAndWarm() {
        long start = System.nanoTime();
        LoadedModel model;
        int warmed;
        try {
            model = ModelPackages.load(new FilesystemArtifactStorage(store.root()), serving.modelPackage());
            warmed = new Warmup(model, serving.warmupRows(), serving.warmupBudget()).run();
        } catch (Exception | LinkageError e) {
            LOG.errorf("Model %s version %s (package %s) cannot be served: %s", serving.modelName(),
                    serving.modelVersion(), serving.modelPackage(), e.getMessage());
            Quarkus.asyncExit(3);
            return;
        }
        served.markReady(model);
        LOG.infof("Model %s version %s (package %s) loaded, warmed (%d rows) and ready in %d ms",
                serving.modelName(), serving.modelVersion(), serving.modelPackage(), warmed,
                Duration.ofNanos(System.nanoTime() - start).toMillis());
    }
}
