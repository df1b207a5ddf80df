package dev.cairn.monitoring.reference;

import dev.cairn.contracts.ColumnType;
import dev.cairn.store.artifact.ArtifactRef;
import dev.cairn.store.artifact.ArtifactStorage;
import dev.cairn.store.csv.MissingTokens;
import dev.cairn.store.model.InputFeature;
import dev.cairn.store.model.ModelManifest;
import dev.cairn.store.model.ModelPackages;
import dev.cairn.store.profile.ReferenceProfiles;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Reads references from the model store: the manifest the prediction names, then the profile the manifest names.
 * Packages are immutable (named by digest), so a reference is read once and kept; the cache is bounded by the number
 * of model versions being served.
 */
public class StoredReferences implements ReferenceLookup {

    private static final Logger LOG = Logger.getLogger(StoredReferences.class);

    private final ArtifactStorage storage;
    private final Map<String, Reference> cache = new ConcurrentHashMap<>();

    public StoredReferences(ArtifactStorage storage) {
        this.storage = storage;
    }

    @Override
    public Reference of(String modelPackage) {
        if (modelPackage == null || !ArtifactRef.isSha256(modelPackage)) {
            return Reference.none(modelPackage);
        }
        return cache.computeIfAbsent(modelPackage, this::read);
    }

    private Reference read(String modelPackage) {
        try {
            ModelManifest manifest = ModelPackages.readManifest(storage, modelPackage);
            if (manifest.referenceProfile() == null) {
                LOG.warnf("Model package %s has no reference profile: its deployments get health and performance"
                        + " monitoring, no drift", modelPackage);
                return Reference.none(modelPackage);
            }
            return new Reference(modelPackage, ReferenceProfiles.read(storage, manifest.referenceProfile()),
                    seenCategories(manifest), MissingTokens.of(manifest.missingTokens()));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("The reference of model package %s cannot be read (%s): no drift is computed for it",
                    modelPackage, e.getMessage());
            return Reference.none(modelPackage);
        }
    }

    private static Map<String, Set<String>> seenCategories(ModelManifest manifest) {
        var seen = new HashMap<String, Set<String>>();
        for (InputFeature input : manifest.inputSignature()) {
            if (input.type() == ColumnType.CATEGORICAL && input.categories() != null) {
                seen.put(input.name(), Set.copyOf(input.categories()));
            }
        }
        return seen;
    }
}
