package dev.cairn.cli.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flights file (ordered by departure; columns date, month, dow, hour, distance, origin, destination, delayed)
 * cut by month, keeping the columns a client knows before departure: no date and no month (a model trained on
 * January has seen only one month). Every {@code stride}-th row of a month is kept, spread over the whole month.
 */
record FlightMonths(List<String> features, String target, Map<Integer, List<String[]>> months) {

    static final List<String> FEATURES = List.of("dow", "hour", "distance", "origin", "destination");
    static final String TARGET = "delayed";

    static FlightMonths read(Path csv, int stride) throws IOException {
        var months = new LinkedHashMap<Integer, List<String[]>>();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            var header = List.of(in.readLine().split(","));
            int month = header.indexOf("month");
            int[] keep = FEATURES.stream().mapToInt(header::indexOf).toArray();
            int target = header.indexOf(TARGET);
            if (month < 0 || target < 0 || java.util.Arrays.stream(keep).anyMatch(i -> i < 0)) {
                throw new IOException(csv + " is not the flights file: its header is " + header);
            }
            var seen = new LinkedHashMap<Integer, Integer>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                var cells = line.split(",", -1);
                int m = Integer.parseInt(cells[month]);
                if (seen.merge(m, 1, Integer::sum) % stride != 0) {
                    continue;
                }
                var row = new String[keep.length + 1];
                for (int i = 0; i < keep.length; i++) {
                    row[i] = cells[keep[i]];
                }
                row[keep.length] = cells[target];
                months.computeIfAbsent(m, x -> new ArrayList<>()).add(row);
            }
        }
        return new FlightMonths(FEATURES, TARGET, months);
    }

    List<String[]> month(int month) {
        return months.getOrDefault(month, List.of());
    }

    /** Writes a month as a labelled CSV, as the data team would hand it over. */
    Path write(int month, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", features) + "," + target + "\n");
            for (var row : month(month)) {
                out.write(String.join(",", row) + "\n");
            }
        }
        return file;
    }

    static double lateRate(List<String[]> rows) {
        return rows.isEmpty() ? Double.NaN
                : rows.stream().filter(r -> "late".equals(r[r.length - 1])).count() / (double) rows.size();
    }
}
