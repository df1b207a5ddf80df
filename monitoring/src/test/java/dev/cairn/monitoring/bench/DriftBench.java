package dev.cairn.monitoring.bench;

import dev.cairn.contracts.ColumnType;
import dev.cairn.monitoring.drift.FeatureDrift;
import dev.cairn.monitoring.reference.Reference;
import dev.cairn.monitoring.window.DeploymentWindow;
import dev.cairn.monitoring.window.PredictionSample;
import dev.cairn.monitoring.window.WindowConfig;
import dev.cairn.monitoring.window.WindowReport;
import dev.cairn.store.csv.MissingTokens;
import dev.cairn.store.profile.ReferenceProfile;
import dev.cairn.store.profile.ReferenceProfiler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * bench/drift.sh, part 1: drift of 1,000,000 rows × 20 features (15 numeric, 5 categorical with 50 categories each)
 * against a reference profiled from 100,000 training rows, on one thread. The live rows are shifted (numeric means
 * by 0.3 standard deviations, categories re-weighted) so the statistics have something to find. Two figures:
 * the whole path a prediction event takes after JSON decoding (cells as text: parse, bin, count, then all
 * statistics), and the statistics alone once the counts exist.
 */
public final class DriftBench {

    static final int NUMERIC = 15;
    static final int CATEGORICAL = 5;
    static final int CATEGORIES = 50;

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        var names = new ArrayList<String>();
        var types = new LinkedHashMap<String, ColumnType>();
        for (int i = 0; i < NUMERIC; i++) {
            names.add("x" + i);
            types.put("x" + i, ColumnType.NUMERIC);
        }
        for (int i = 0; i < CATEGORICAL; i++) {
            names.add("c" + i);
            types.put("c" + i, ColumnType.CATEGORICAL);
        }
        var training = generate(new Random(1), 100_000, 0.0);
        var predictions = training.stream().map(r -> r[0].startsWith("-") ? "late" : "ontime").toList();
        ReferenceProfile profile = ReferenceProfiler.profile(names, training, types, MissingTokens.DEFAULT,
                predictions, null);
        var seen = new HashMap<String, Set<String>>();
        profile.categorical().forEach(c -> seen.put(c.name(), c.counts().keySet()));
        var reference = new Reference("bench", profile, seen, MissingTokens.DEFAULT);

        System.out.printf("generating %,d live rows × %d features…%n", rows, names.size());
        var live = generate(new Random(2), rows, 0.3);
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 5; round++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            WindowReport report = run(reference, names, live, rows);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            System.out.printf("round %d: %,d rows × %d features in %.3f s wall, %.3f s CPU (%,.0f rows/s);"
                    + " x0 PSI %.4f, KS %.4f (p %.2g), c0 chi² p %.2g, JS %.4f%n", round + 1, rows, names.size(),
                    seconds, cpu, rows / seconds,
                    report.features().get(0).psi(), report.features().get(0).ks(),
                    report.features().get(0).ksPValue(), report.features().get(NUMERIC).chiSquarePValue(),
                    report.features().get(NUMERIC).jensenShannon());
        }
        statisticsOnly(reference, names, live);
    }

    /** One window holding every row (count window of exactly {@code rows}): the report comes with the last row. */
    private static WindowReport run(Reference reference, List<String> names, List<String[]> live, int rows) {
        var window = new DeploymentWindow("bench", "1", reference, config(rows));
        var sample = new PredictionSample();
        sample.deploymentId = "bench";
        sample.featureNames.addAll(names);
        names.forEach(n -> sample.featureValues.add(null));
        WindowReport report = null;
        for (int r = 0; r < rows; r++) {
            String[] row = live.get(r);
            for (int f = 0; f < row.length; f++) {
                sample.featureValues.set(f, row[f]);
            }
            sample.label = row[0].startsWith("-") ? "late" : "ontime";
            sample.latencyMicros = 500;
            var closed = window.record(sample, 0);
            if (closed.isPresent()) {
                report = closed.get();
            }
        }
        return report;
    }

    /** The statistics alone, from counts: PSI, KS, chi-square, JS and rates for the 20 features, 10,000 times. */
    private static void statisticsOnly(Reference reference, List<String> names, List<String[]> live) {
        var profile = reference.profile();
        long[][] observed = new long[names.size()][];
        long[][] expected = new long[names.size()][];
        for (int f = 0; f < NUMERIC; f++) {
            expected[f] = profile.numeric().get(f).counts();
            observed[f] = new long[expected[f].length];
        }
        for (int f = 0; f < CATEGORICAL; f++) {
            expected[NUMERIC + f] = profile.categorical().get(f).counts().values().stream().mapToLong(Long::longValue)
                    .toArray();
            observed[NUMERIC + f] = new long[expected[NUMERIC + f].length];
        }
        var random = new Random(3);
        for (long[] o : observed) {
            for (int i = 0; i < o.length; i++) {
                o[i] = 1000 + random.nextInt(1000);
            }
        }
        int repeats = 10_000;
        double sink = 0;
        long start = System.nanoTime();
        for (int r = 0; r < repeats; r++) {
            for (int f = 0; f < names.size(); f++) {
                var drift = f < NUMERIC
                        ? FeatureDrift.numeric(names.get(f), expected[f], observed[f], 100_000, 0, 0, 0)
                        : FeatureDrift.categorical(names.get(f), "categorical", expected[f], observed[f], 100_000, 0, 0);
                sink += drift.psi();
            }
        }
        double micros = (System.nanoTime() - start) / 1e3 / repeats;
        System.out.printf("statistics alone (PSI, KS, chi², JS, rates) for %d features: %.1f µs per window (%.0f)%n",
                names.size(), micros, sink > 0 ? 1.0 : 0.0);
    }

    private static WindowConfig config(int events) {
        return new WindowConfig() {
            public Kind kind() {
                return Kind.COUNT;
            }

            public int events() {
                return events;
            }

            public Duration duration() {
                return Duration.ofMinutes(15);
            }

            public int minEvents() {
                return 1;
            }

            public int maxNewCategories() {
                return 50;
            }

            public int maxPods() {
                return 64;
            }

            public int feedbackCapacity() {
                return 1;
            }

            public Duration feedbackTtl() {
                return Duration.ofMinutes(1);
            }

            public int maxMonitors() {
                return 1;
            }
        };
    }

    /** Numeric features N(shift, 1) with 2 decimals; categories with weights tilted by {@code shift}. */
    static List<String[]> generate(Random random, int rows, double shift) {
        var out = new ArrayList<String[]>(rows);
        double[] weights = new double[CATEGORIES];
        double total = 0;
        for (int k = 0; k < CATEGORIES; k++) {
            weights[k] = Math.exp(-k / 10.0) * (1 + shift * k / CATEGORIES);
            total += weights[k];
        }
        for (int r = 0; r < rows; r++) {
            String[] row = new String[NUMERIC + CATEGORICAL];
            for (int f = 0; f < NUMERIC; f++) {
                row[f] = String.valueOf(Math.round((random.nextGaussian() + shift) * 100) / 100.0);
            }
            for (int f = 0; f < CATEGORICAL; f++) {
                double u = random.nextDouble() * total;
                int k = 0;
                while (k < CATEGORIES - 1 && (u -= weights[k]) > 0) {
                    k++;
                }
                row[NUMERIC + f] = "cat" + k;
            }
            out.add(row);
        }
        return out;
    }
}
