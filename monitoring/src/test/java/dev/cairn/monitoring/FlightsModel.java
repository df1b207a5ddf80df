package dev.cairn.monitoring;

import dev.cairn.contracts.ColumnType;
import dev.cairn.store.artifact.ArtifactStorage;
import dev.cairn.store.csv.MissingTokens;
import dev.cairn.store.model.Featurizer;
import dev.cairn.store.model.InputFeature;
import dev.cairn.store.model.Lineage;
import dev.cairn.store.model.LoadedModel;
import dev.cairn.store.model.ModelManifest;
import dev.cairn.store.model.ModelPackages;
import dev.cairn.store.profile.ReferenceProfiler;
import dev.cairn.store.profile.ReferenceProfiles;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A delay classifier trained on January flights and stored as the train step stores one: a model package whose
 * manifest names the reference profile of its training rows, with the model's own predictions on them.
 */
final class FlightsModel {

    static final List<String> NUMERIC = List.of("hour", "distance");
    static final List<String> CATEGORICAL = List.of("dow", "origin", "destination");
    static final String TARGET = "delayed";

    private FlightsModel() {
    }

    /** @return the loaded package (its manifest digest is {@code manifest sha}) and that digest */
    static Stored trainAndStore(ArtifactStorage storage, List<Map<String, String>> rows) throws IOException {
        var signature = new ArrayList<InputFeature>();
        NUMERIC.forEach(n -> signature.add(new InputFeature(n, ColumnType.NUMERIC, null)));
        for (String c : CATEGORICAL) {
            var categories = new TreeSet<String>();
            rows.forEach(r -> categories.add(r.get(c)));
            signature.add(new InputFeature(c, ColumnType.CATEGORICAL, List.copyOf(categories)));
        }
        var featurizer = Featurizer.of(signature, List.of(), MissingTokens.DEFAULT);
        var labels = new LabelFactory();
        var dataset = new MutableDataset<>(new SimpleDataSourceProvenance("flights-january", labels), labels);
        rows.forEach(r -> dataset.add(featurizer.example(r, new Label(r.get(TARGET)))));
        var model = new CARTClassificationTrainer(6).train(dataset);

        var predictions = rows.stream().map(r -> model.predict(featurizer.example(r)).getOutput().getLabel()).toList();
        var types = new LinkedHashMap<String, ColumnType>();
        signature.forEach(s -> types.put(s.name(), s.type()));
        var header = new ArrayList<>(rows.get(0).keySet());
        var cells = rows.stream().map(r -> header.stream().map(r::get).toArray(String[]::new)).toList();
        var profile = ReferenceProfiler.profile(header, cells, types, MissingTokens.DEFAULT, predictions, TARGET);
        var profileRef = ReferenceProfiles.save(storage, profile);

        var manifest = new ModelManifest(ModelManifest.CURRENT_FORMAT_VERSION, null, null, null, null, 0,
                "classification", TARGET, signature, null, List.of(), Map.of(),
                new Lineage("run-flights", "flights", "flights", 1, "a".repeat(64), "b".repeat(64), "cart", Map.of(),
                        42, Map.of()),
                Instant.now(), MissingTokens.DEFAULT.tokens()).withReferenceProfile(profileRef.sha256());
        var ref = ModelPackages.save(storage, manifest, model);
        return new Stored(ref.sha256(), ModelPackages.load(storage, ref.sha256()));
    }

    record Stored(String packageSha256, LoadedModel model) {
        /** The model's answer for a row as the inference server would give it (features only, no target). */
        String predict(Map<String, String> row) {
            return model.predict(features(row)).label();
        }

        static Map<String, String> features(Map<String, String> row) {
            var features = new LinkedHashMap<String, String>();
            NUMERIC.forEach(n -> features.put(n, row.get(n)));
            CATEGORICAL.forEach(c -> features.put(c, row.get(c)));
            return features;
        }
    }
}
