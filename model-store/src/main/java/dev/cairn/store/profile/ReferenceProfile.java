package dev.cairn.store.profile;

import java.util.List;
import java.util.Map;

/**
 * A compact description of the data a model learned from, stored next to the model package and named by the
 * manifest's {@code referenceProfile} digest. Monitoring compares live traffic with it: per numeric column a
 * histogram over fixed quantile bins, per categorical column its category frequencies, and the distributions of
 * the model's predictions and of the true labels on the training rows. A few kilobytes whatever the data size.
 *
 * @param rows training rows profiled
 * @param predictions how often the model predicted each label on the training rows (prediction drift is measured
 *        against this)
 * @param labels how often each true label occurred in the training rows
 */
public record ReferenceProfile(int formatVersion, long rows, List<NumericReference> numeric,
        List<CategoricalReference> categorical, Map<String, Long> predictions, Map<String, Long> labels) {

    public static final int CURRENT_FORMAT_VERSION = 1;
}
