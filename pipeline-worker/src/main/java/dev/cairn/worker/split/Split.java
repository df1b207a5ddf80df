package dev.cairn.worker.split;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Row indices of each part, ascending, so every part keeps the rows' original order. */
record Split(List<Integer> train, List<Integer> validation, List<Integer> test) {

    /** Class counts per part, for the report: {train: {No: 3, Yes: 1}, ...}. */
    Map<String, Map<String, Long>> classCounts(List<String> labels) {
        var counts = new TreeMap<String, Map<String, Long>>();
        counts.put("train", count(train, labels));
        counts.put("test", count(test, labels));
        if (!validation.isEmpty()) {
            counts.put("validation", count(validation, labels));
        }
        return counts;
    }

    private static Map<String, Long> count(List<Integer> rows, List<String> labels) {
        return rows.stream().map(labels::get)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }
}
