package dev.cairn.api.registry;

import dev.cairn.store.model.Lineage;
import java.util.Map;

/**
 * Where a version came from, as the registry shows it: the tracking run and pipeline run that
 * produced it, and what the manifest says about data and training (null when it says nothing).
 *
 * @param runId the tracking run (experiments) of the pipeline run
 * @param datasetSha256 digest of the dataset version's bytes
 * @param trainSha256 digest of the exact training rows after cleaning and splitting
 */
public record ModelLineage(String runId, String pipelineRunId, String pipeline, String dataset,
        Integer datasetVersion, String datasetSha256, String trainSha256, String algorithm, Map<String, Object> params,
        Long seed, Map<String, String> libraryVersions, Map<String, Object> preparation) {

    static ModelLineage of(Lineage manifest, String pipelineRunId, String trackingRunId) {
        if (manifest == null) {
            return new ModelLineage(trackingRunId, pipelineRunId, null, null, null, null, null, null, null, null, null,
                    null);
        }
        return new ModelLineage(trackingRunId, pipelineRunId, manifest.pipeline(), manifest.dataset(),
                manifest.datasetVersion(), manifest.datasetSha256(), manifest.trainSha256(), manifest.algorithm(),
                manifest.params(), manifest.seed(), manifest.libraryVersions(), manifest.preparation());
    }
}
