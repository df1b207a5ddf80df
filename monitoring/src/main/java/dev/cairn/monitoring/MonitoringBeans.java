package dev.cairn.monitoring;

import com.fasterxml.jackson.core.JsonFactory;
import dev.cairn.monitoring.alert.AlertConfig;
import dev.cairn.monitoring.alert.AlertEvaluator;
import dev.cairn.monitoring.reference.ReferenceLookup;
import dev.cairn.monitoring.reference.StoredReferences;
import dev.cairn.monitoring.window.Monitors;
import dev.cairn.monitoring.window.WindowConfig;
import dev.cairn.store.artifact.FilesystemArtifactStorage;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The plain-Java domain objects as beans: one registry of windows and one alert evaluator per process. */
class MonitoringBeans {

    @Produces
    @Singleton
    ReferenceLookup references(@ConfigProperty(name = "cairn.store.root") Path storeRoot) throws IOException {
        return new StoredReferences(new FilesystemArtifactStorage(storeRoot));
    }

    @Produces
    @Singleton
    Monitors monitors(WindowConfig config, ReferenceLookup references) {
        return new Monitors(config, references);
    }

    @Produces
    @Singleton
    AlertEvaluator alertEvaluator(AlertConfig config) {
        return new AlertEvaluator(config.toRules(), config.minLabels());
    }

    /** Shared by the decoders: a JsonFactory is thread-safe and caches symbol tables across parsers. */
    @Produces
    @Singleton
    JsonFactory jsonFactory() {
        return new JsonFactory();
    }
}
