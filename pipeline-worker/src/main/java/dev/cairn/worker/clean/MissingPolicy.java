package dev.cairn.worker.clean;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What the clean step does with a missing feature value. Categorical columns always take their mode unless DROP. */
enum MissingPolicy {
    DROP("drop"), IMPUTE_MEAN("impute-mean"), IMPUTE_MEDIAN("impute-median"), IMPUTE_MODE("impute-mode");

    final String specName;

    MissingPolicy(String specName) {
        this.specName = specName;
    }

    static String known() {
        return Arrays.stream(values()).map(p -> p.specName).collect(Collectors.joining(", "));
    }
}
