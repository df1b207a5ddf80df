package dev.cairn.store.profile;

import dev.cairn.contracts.ColumnType;
import dev.cairn.store.csv.MissingTokens;
import dev.cairn.store.csv.NumericCells;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** Builds a {@link ReferenceProfile} from training rows held in memory (the worker's train split). */
public final class ReferenceProfiler {

    /** Ten quantile bins: the conventional PSI resolution, and fine enough for the binned KS test. */
    public static final int DEFAULT_BINS = 10;
    /** Categories named per column; the rest are summed, so a column of ids cannot blow a profile up. */
    public static final int MAX_CATEGORIES = 200;

    private ReferenceProfiler() {
    }

    /**
     * @param types the columns to profile and how to read them; text columns are skipped
     * @param predictions the model's predicted label per row (same order as rows), or null
     * @param target the target column, whose label counts are recorded, or null
     */
    public static ReferenceProfile profile(List<String> header, List<String[]> rows, Map<String, ColumnType> types,
            MissingTokens missing, List<String> predictions, String target) {
        var numeric = new ArrayList<NumericReference>();
        var categorical = new ArrayList<CategoricalReference>();
        types.forEach((name, type) -> {
            int column = header.indexOf(name);
            if (column < 0) {
                throw new IllegalArgumentException("column '" + name + "' is not in the rows' header " + header);
            }
            if (type == ColumnType.NUMERIC) {
                numeric.add(numeric(name, rows, column, missing, DEFAULT_BINS));
            } else if (type == ColumnType.CATEGORICAL) {
                categorical.add(categorical(name, rows, column, missing));
            }
        });
        int targetColumn = target == null ? -1 : header.indexOf(target);
        return new ReferenceProfile(ReferenceProfile.CURRENT_FORMAT_VERSION, rows.size(), numeric, categorical,
                predictions == null ? Map.of() : frequencies(predictions),
                targetColumn < 0 ? Map.of() : frequencies(rows.stream().map(r -> r[targetColumn]).toList()));
    }

    static NumericReference numeric(String name, List<String[]> rows, int column, MissingTokens missing, int bins) {
        double[] values = new double[rows.size()];
        int n = 0;
        for (String[] row : rows) {
            String cell = row[column];
            OptionalDouble value = missing.isMissing(cell) ? OptionalDouble.empty() : NumericCells.parse(cell);
            if (value.isPresent()) {
                values[n++] = value.getAsDouble();
            }
        }
        values = Arrays.copyOf(values, n);
        Arrays.sort(values);
        double[] edges = quantileEdges(values, bins);
        var shell = new NumericReference(name, edges, new long[edges.length + 1], 0, 0, 0);
        long[] counts = new long[shell.bins()];
        for (double v : values) {
            counts[shell.bin(v)]++;
        }
        return new NumericReference(name, edges, counts, rows.size() - n, n == 0 ? 0 : values[0],
                n == 0 ? 0 : values[n - 1]);
    }

    /**
     * Cut points at the 1/k, 2/k, … quantiles (the value at rank ⌈q·n⌉), without repeats and without the maximum
     * (a cut there would leave the top bin empty in training).
     */
    static double[] quantileEdges(double[] sorted, int bins) {
        int n = sorted.length;
        if (n == 0) {
            return new double[0];
        }
        double[] edges = new double[bins - 1];
        int count = 0;
        for (int i = 1; i < bins; i++) {
            double edge = sorted[Math.max(0, (int) Math.ceil((double) i * n / bins) - 1)];
            if (edge < sorted[n - 1] && (count == 0 || edge > edges[count - 1])) {
                edges[count++] = edge;
            }
        }
        return Arrays.copyOf(edges, count);
    }

    static CategoricalReference categorical(String name, List<String[]> rows, int column, MissingTokens missing) {
        var all = new HashMap<String, Long>();
        long missingRows = 0;
        for (String[] row : rows) {
            if (missing.isMissing(row[column])) {
                missingRows++;
            } else {
                all.merge(row[column], 1L, Long::sum);
            }
        }
        var kept = new TreeMap<String, Long>();
        all.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_CATEGORIES)
                .forEach(e -> kept.put(e.getKey(), e.getValue()));
        long other = all.values().stream().mapToLong(Long::longValue).sum()
                - kept.values().stream().mapToLong(Long::longValue).sum();
        return new CategoricalReference(name, kept, other, missingRows);
    }

    private static Map<String, Long> frequencies(List<String> values) {
        var counts = new LinkedHashMap<String, Long>();
        values.stream().sorted(Comparator.naturalOrder()).forEach(v -> counts.merge(v, 1L, Long::sum));
        return counts;
    }
}
