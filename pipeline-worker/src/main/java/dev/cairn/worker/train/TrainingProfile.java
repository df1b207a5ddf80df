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

    /**
     * Deciles and category shares are known well from a few thousand rows (a quantile's error shrinks with the square
     * root of the rows), while scoring every training row with the new model made the profile cost seconds on a
     * large data set (bench/platform-overhead.md): the profile reads at most this many rows.
     */
    static final int MAX_ROWS = 5_000;
    /**
     * Scoring is the profile's dear part (XGBoost with 100 rounds and 26 classes: ~80 µs a row, 0.4 s for 5,000 rows),
     * and the predicted labels' shares need fewer rows than the deciles do: from 2,000 rows a share's standard error is
     * at most 1.1 percentage points. So the predictions are counted on an evenly spread part of the profiled rows.
     */
    static final int MAX_SCORED_ROWS = 2_000;

    /** @return the profile's digest */
    static String store(ArtifactStorage storage, Table all, TrainedModel trained, String target,
            MissingTokens missing) throws IOException {
        var rows = sample(all, MAX_ROWS);
        var types = new LinkedHashMap<String, dev.cairn.contracts.ColumnType>();
        for (InputFeature input : trained.inputSignature()) {
            types.put(input.name(), input.type());
        }
        var profile = ReferenceProfiler.profile(rows.header(), rows.rows(), types, missing,
                predictions(sample(rows, MAX_SCORED_ROWS), trained), target);
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

    /**
     * Every k-th row, k the smallest step that keeps at most {@code max} rows: deterministic, and spread over the
     * whole table, whose order the split has already shuffled.
     */
    static Table sample(Table table, int max) {
        int size = table.rows().size();
        if (size <= max) {
            return table;
        }
        int step = (size + max - 1) / max;
        var rows = new ArrayList<String[]>(size / step + 1);
        for (int i = 0; i < size; i += step) {
            rows.add(table.rows().get(i));
        }
        return new Table(table.header(), rows);
    }
}
