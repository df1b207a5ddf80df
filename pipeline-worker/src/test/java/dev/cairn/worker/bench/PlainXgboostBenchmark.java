package dev.cairn.worker.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
 * one thread) and write the model as Tribuo protobuf. One warm-up run, then five timed ones in the same JVM, as on
 * the platform's side; prints each, their sum and their median. Arguments: the CSV (numeric features only), the
 * target column, the number of rounds, optionally the number of timed runs and the fraction of rows trained on.
 * {@code bench/search-scaling.sh} also runs it in one process and in two at once, to measure what two processes gain
 * on the machine itself.
 */
public final class PlainXgboostBenchmark {
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");
    private static final long SEED = 42L;
    /** Timed runs after one warm-up, as on the platform's side; the median is reported. */
    private static final int RUNS = 5;
    /** The platform's split keeps 80 % of the rows for training when there is no validation set. */
    private static final double TRAIN_FRACTION = 0.8;

    private PlainXgboostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TRIBUO.setLevel(Level.WARNING);
        Path csv = Path.of(args[0]);
        String target = args[1];
        int rounds = Integer.parseInt(args[2]);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : RUNS;
        double kept = args.length > 4 ? Double.parseDouble(args[4]) : TRAIN_FRACTION;
        trainOnce(csv, target, rounds, kept); // warm-up
        var seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long begin = System.nanoTime();
            trainOnce(csv, target, rounds, kept);
            seconds[i] = (System.nanoTime() - begin) / 1e9;
            System.out.printf("run %d: %.3f s%n", i + 1, seconds[i]);
        }
        System.out.printf("direct_total_seconds=%.3f%n", Arrays.stream(seconds).sum());
        Arrays.sort(seconds);
        System.out.printf("direct_train_seconds=%.3f%n", runs % 2 == 1 ? seconds[runs / 2]
                : (seconds[runs / 2 - 1] + seconds[runs / 2]) / 2);
    }

    private static void trainOnce(Path csv, String target, int rounds, double kept) throws Exception {
        var source = new CSVLoader<>(new LabelFactory()).loadDataSource(csv, target);
        var split = new TrainTestSplitter<>(source, kept, SEED);
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
