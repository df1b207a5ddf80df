package dev.cairn.deploy.model;

import dev.cairn.deploy.aot.TrainingRun;
import dev.cairn.store.artifact.FilesystemArtifactStorage;
import dev.cairn.store.model.LoadedModel;
import dev.cairn.store.model.ModelPackages;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.ConfigProvider;
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
    /** Only in the build's AOT training run: the synthetic model's temporary store. */
    private TrainingRun.Package training;

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
        long loaded;
        LoadedModel model;
        int warmed;
        try {
            Path root = store.root();
            String pkg = serving.modelPackage();
            if (serving.aotTraining()) {
                training = TrainingRun.prepare();
                root = training.storeRoot();
                pkg = training.manifestSha256();
            }
            model = ModelPackages.load(new FilesystemArtifactStorage(root), pkg);
            loaded = System.nanoTime();
            warmed = new Warmup(model, serving.warmupRows(), serving.warmupBudget()).run();
        } catch (Exception | LinkageError e) {
            LOG.errorf("Model %s version %s (package %s) cannot be served: %s", serving.modelName(),
                    serving.modelVersion(), serving.modelPackage(), e.getMessage());
            Quarkus.asyncExit(3);
            return;
        }
        served.markReady(model);
        // The parts of "deploy to first prediction" this process owns, for bench/deploy-time.sh.
        LOG.infof("Model %s version %s (package %s) loaded in %d ms, warmed (%d rows) in %d ms: ready %d ms after "
                + "the process started", serving.modelName(), serving.modelVersion(), serving.modelPackage(),
                millis(loaded - start), warmed, millis(System.nanoTime() - loaded), sinceProcessStart());
        if (serving.aotTraining()) {
            exerciseAndExit();
        }
    }

    private void exerciseAndExit() {
        try {
            TrainingRun.exercise(httpPort(), serving.modelName());
            training.delete();
            LOG.info("AOT training run done; exiting so the JVM writes its cache");
            Quarkus.asyncExit(0);
        } catch (Exception e) {
            LOG.errorf("AOT training run failed: %s", e.getMessage());
            Quarkus.asyncExit(4);
        }
    }

    /** With port 0 (the build's run) Quarkus publishes the port it bound as a system property. */
    private static int httpPort() {
        Integer bound = Integer.getInteger("quarkus.http.port");
        return bound != null ? bound : ConfigProvider.getConfig().getValue("quarkus.http.port", Integer.class);
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }

    private static long sinceProcessStart() {
        return ProcessHandle.current().info().startInstant()
                .map(started -> Duration.between(started, Instant.now()).toMillis()).orElse(-1L);
    }
}
