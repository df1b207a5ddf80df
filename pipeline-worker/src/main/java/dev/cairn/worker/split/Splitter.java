package dev.cairn.worker.split;

import dev.cairn.worker.task.StepFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Deals rows into train, validation and test. {@link Random} is specified to give the same sequence
 * for the same seed on every JVM, so the same seed always gives the same split.
 */
final class Splitter {

    private Splitter() {
    }

    /** @param labels the target value of each row, in row order */
    static Split split(List<String> labels, SplitOptions options) {
        if (labels.size() < 2) {
            throw new StepFailure("at least 2 rows are needed to split into train and test, got " + labels.size());
        }
        var random = new Random(options.seed());
        var parts = new Parts();
        for (List<Integer> group : groups(labels, options.stratify())) {
            Collections.shuffle(group, random);
            parts.deal(group, options);
        }
        return parts.toSplit();
    }

    /** One group per class (in sorted class order, so the seed means the same thing each time), or all rows. */
    private static List<List<Integer>> groups(List<String> labels, boolean stratify) {
        if (!stratify) {
            return List.of(new ArrayList<>(IntStream.range(0, labels.size()).boxed().toList()));
        }
        var byClass = new TreeMap<String, List<Integer>>();
        for (int i = 0; i < labels.size(); i++) {
            byClass.computeIfAbsent(labels.get(i), k -> new ArrayList<>()).add(i);
        }
        return List.copyOf(byClass.values());
    }

    /**
     * How many of a group's n rows go to test and validation. Rounded fractions, but train always
     * keeps one row, test gets one as soon as there are 2 and validation one as soon as there are 3,
     * so that a rare class still reaches every part it can.
     */
    static int[] sizes(int n, SplitOptions options) {
        int test = (int) Math.round(n * options.test());
        int validation = (int) Math.round(n * options.validation());
        if (n >= 2) {
            test = Math.max(test, 1);
        }
        if (n >= 3 && options.validation() > 0) {
            validation = Math.max(validation, 1);
        }
        int excess = test + validation - (n - 1);
        if (excess > 0) {
            int fromValidation = Math.min(excess, validation);
            validation -= fromValidation;
            test -= excess - fromValidation;
        }
        return new int[] {test, validation};
    }

    private static final class Parts {
        private final List<Integer> train = new ArrayList<>();
        private final List<Integer> validation = new ArrayList<>();
        private final List<Integer> test = new ArrayList<>();

        void deal(List<Integer> shuffled, SplitOptions options) {
            int[] sizes = sizes(shuffled.size(), options);
            test.addAll(shuffled.subList(0, sizes[0]));
            validation.addAll(shuffled.subList(sizes[0], sizes[0] + sizes[1]));
            train.addAll(shuffled.subList(sizes[0] + sizes[1], shuffled.size()));
        }

        Split toSplit() {
            return new Split(sorted(train), sorted(validation), sorted(test));
        }

        private static List<Integer> sorted(List<Integer> rows) {
            return rows.stream().sorted().toList();
        }
    }
}
