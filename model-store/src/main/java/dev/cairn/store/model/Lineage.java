package dev.cairn.store.model;

import java.util.Map;

/**
 * Where a model came from, so that it can be explained and reproduced.
 *
 * @param datasetSha256 digest of the dataset version's bytes
 * @param trainSha256 digest of the exact training rows after cleaning and splitting
 * @param libraryVersions e.g. {@code tribuo -> 4.3.2}, {@code java -> 21.0.5}
 * @param preparation how the rows were prepared before training, as the spec resolved it: {@code clean}
 *        (missing values, duplicates, outliers), {@code split} (fractions, stratification, seed) and
 *        {@code columns} (type overrides); null in manifests written before it was recorded
 */
public record Lineage(String runId, String pipeline, String dataset, int datasetVersion, String datasetSha256,
        String trainSha256, String algorithm, Map<String, Object> params, long seed,
        Map<String, String> libraryVersions, Map<String, Object> preparation) {

    /** The shape before {@code preparation} was recorded. */
    public Lineage(String runId, String pipeline, String dataset, int datasetVersion, String datasetSha256,
            String trainSha256, String algorithm, Map<String, Object> params, long seed,
            Map<String, String> libraryVersions) {
        this(runId, pipeline, dataset, datasetVersion, datasetSha256, trainSha256, algorithm, params, seed,
                libraryVersions, null);
    }
}
