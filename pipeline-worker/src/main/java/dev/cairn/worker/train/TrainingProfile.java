package dev.cairn.worker.train;

import dev.cairn.contracts.Algorithm.Task;
import dev.cairn.store.artifact.ArtifactStorage;
import dev.cairn.store.csv.MissingTokens;
import dev.cairn.store.model.InputFeature;
import dev.cairn.store.profile.ReferenceProfiler;
import dev.cairn.store.profile.ReferenceProfiles;
import dev.cairn.worker.artifact.Table;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/**
 * The reference profile monitoring compares live traffic with: the training rows' columns as the model reads them,
 * and the model's own predictions on those rows (prediction drift is measured against these). Stored as an artifact
 * whose digest the model manifest names.
 */
final class TrainingProfile {

    private TrainingProfile() {
    }

    /** @return the profile's digest */
    static String store(ArtifactStorage storage, Table rows, TrainedModel trained, String target,
            MissingTokens missing) throws IOException {
        var types = new LinkedHashMap<String, dev.cairn.contracts.ColumnType>();
        for (InputFeature input : trained.inputSignature()) {
            types.put(input.name(), input.type());
        }
        var profile = ReferenceProfiler.profile(rows.header(), rows.rows(), types, missing, predictions(rows, trained),
                target);
        return ReferenceProfiles.save(storage, profile).sha256();
    }

    /**
     * In one batch call: XGBoost answers a batch far faster than row by row. A regressor's outputs are numbers, not
     * labels to count, so its profile has no prediction distribution (yet).
     */
    private static List<String> predictions(Table rows, TrainedModel trained) {
        if (trained.task() == Task.REGRESSION) {
            return null;
        }
        var examples = new ArrayList<Example<Label>>(rows.rows().size());
        for (String[] cells : rows.rows()) {
            examples.add(trained.featurizer().example(rows.header(), cells, LabelFactory.UNKNOWN_LABEL));
        }
        return trained.classifier().predict(examples).stream().map(p -> p.getOutput().getLabel()).toList();
    }
}
