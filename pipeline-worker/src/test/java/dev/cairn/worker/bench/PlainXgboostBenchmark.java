package dev.cairn.worker.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer.BoosterType;
import org.tribuo.common.xgboost.XGBoostTrainer.LoggingVerbosity;
import org.tribuo.common.xgboost.XGBoostTrainer.TreeMethod;
import org.tribuo.data.csv.CSVLoader;
import org.tribuo.evaluation.TrainTestSplitter;

/**
 * The peer of {@code bench/platform-overhead.sh}: the same XGBoost model trained directly with Tribuo in a plain JVM,
 * no platform at all. Times what the platform's train step also does: read the CSV from disk, keep 80 % of the rows,
 * train with the hyperparameters the worker uses (hist, eta 0.3, depth 6, min child weight 1, subsample 1, lambda 1,
 * one thread) and write the model as Tribuo protobuf. Runs twice in one JVM and reports the second, warm, run, as
 * the platform side does. Arguments: the CSV (numeric features only), the target column, the number of rounds.
 */
public final class PlainXgboostBenchmark {
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");
    private static final long SEED = 42L;

    private PlainXgboostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TRIBUO.setLevel(Level.WARNING);
        Path csv = Path.of(args[0]);
        String target = args[1];
        int rounds = Integer.parseInt(args[2]);
        trainOnce(csv, target, rounds); // warm-up
        long begin = System.nanoTime();
        trainOnce(csv, target, rounds);
        System.out.printf("direct_train_seconds=%.3f%n", (System.nanoTime() - begin) / 1e9);
    }

    private static void trainOnce(Path csv, String target, int rounds) throws Exception {
        var source = new CSVLoader<>(new LabelFactory()).loadDataSource(csv, target);
        var split = new TrainTestSplitter<>(source, 0.8, SEED);
        var train = new MutableDataset<>(split.getTrain());
        var trainer = new XGBoostClassificationTrainer(BoosterType.GBTREE, TreeMethod.HIST, rounds, 0.3, 0.0, 6, 1.0,
                1.0, 1.0, 1.0, 0.0, 1, LoggingVerbosity.SILENT, SEED);
        Model<Label> model = trainer.train(train);
        Path file = Files.createTempFile("plain-xgboost-", ".tribuo");
        try {
            model.serializeToFile(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
