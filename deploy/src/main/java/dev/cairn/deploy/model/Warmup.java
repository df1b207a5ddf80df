package dev.cairn.deploy.model;

import dev.cairn.contracts.ColumnType;
import dev.cairn.store.model.ColumnTransform;
import dev.cairn.store.model.InputFeature;
import dev.cairn.store.model.LoadedModel;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Predicts on a synthetic row many times before the server reports ready, so that the featurizer and the model's
 * code are compiled by the JIT before a client's request pays for it. The row is a plausible one: each numeric
 * column at its imputed value (or 0), each categorical column at a category seen in training, each text column a
 * sentence.
 */
final class Warmup {

    /** Any words do: unknown ones are skipped the same way known ones are looked up. */
    private static final String WARMUP_TEXT = "The quick brown fox jumps over the lazy dog, twice.";

    private final LoadedModel model;
    private final int rows;
    private final Duration budget;

    Warmup(LoadedModel model, int rows, Duration budget) {
        this.model = model;
        this.rows = rows;
        this.budget = budget;
    }

    /** @return the rows predicted: {@code rows}, or fewer when the budget ran out first */
    int run() {
        Map<String, String> row = syntheticRow();
        long deadline = System.nanoTime() + budget.toNanos();
        int done = 0;
        while (done < rows && (done % 256 != 0 || System.nanoTime() < deadline)) {
            model.predict(row);
            done++;
        }
        return done;
    }

    private Map<String, String> syntheticRow() {
        Map<String, ColumnTransform> transforms = new HashMap<>();
        if (model.manifest().preprocessing() != null) {
            model.manifest().preprocessing().forEach(t -> transforms.put(t.name(), t));
        }
        Map<String, String> row = new HashMap<>();
        for (InputFeature input : model.manifest().inputSignature()) {
            ColumnTransform t = transforms.get(input.name());
            if (input.type() == ColumnType.NUMERIC) {
                row.put(input.name(), t != null && t.imputeNumber() != null ? Double.toString(t.imputeNumber()) : "0");
            } else if (input.type() == ColumnType.CATEGORICAL) {
                row.put(input.name(), categoryOf(input, t));
            } else if (input.type() == ColumnType.TEXT) {
                row.put(input.name(), WARMUP_TEXT);
            }
        }
        return row;
    }

    private static String categoryOf(InputFeature input, ColumnTransform t) {
        if (input.categories() != null && !input.categories().isEmpty()) {
            return input.categories().get(0);
        }
        return t != null && t.imputeCategory() != null ? t.imputeCategory() : "warm-up";
    }
}
