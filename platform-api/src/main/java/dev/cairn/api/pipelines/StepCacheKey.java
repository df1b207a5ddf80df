package dev.cairn.api.pipelines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cairn.contracts.PipelineSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cache key of a step: SHA-256 over the step's kind, the part of the spec that step reads, the
 * digests of its input artifacts and the code version. Inputs carry everything upstream (a changed
 * cleaning gives other cleaned rows, so another split key), so each step names only its own settings
 * plus what it reads directly (the target everywhere, the dataset's schema for cleaning, the seed for
 * training). Training and evaluation also name the dataset version and pipeline, which their model
 * manifests record as lineage.
 */
final class StepCacheKey {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private StepCacheKey() {
    }

    static String of(PipelineRun run, StepRun step, Map<String, String> inputs, String codeVersion) {
        var key = new LinkedHashMap<String, Object>();
        key.put("format", 1);
        key.put("step", step.step.name());
        key.put("code", codeVersion);
        key.put("inputs", new TreeMap<>(inputs));
        key.put("config", config(run, step));
        try {
            return sha256(CANONICAL.writeValueAsString(key));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a spec that was stored as JSON could not be written again", e);
        }
    }

    private static Map<String, Object> config(PipelineRun run, StepRun step) {
        PipelineSpec spec = run.spec;
        var steps = spec.steps();
        var config = new LinkedHashMap<String, Object>();
        config.put("target", spec.target());
        switch (step.step) {
            case CLEAN -> {
                config.put("clean", steps.clean());
                config.put("schema", run.dataset.schema());
                if (steps.train() != null && steps.train().text() != null) {
                    // Cleaning keeps the text column only when training reads it; absent, the key is unchanged.
                    config.put("text_column", steps.train().text().column());
                }
            }
            case SPLIT -> config.put("split", steps.split());
            case TRAIN -> {
                config.put("train", steps.train());
                config.put("seed", steps.split().seed());
                config.put("evaluate", new PipelineSpec.EvaluateStep(steps.evaluate().metrics(),
                        steps.evaluate().positive()));
                config.put("lineage", run.pipeline + "/" + run.datasetName + "@" + run.datasetVersion);
            }
            case EVALUATE -> {
                config.put("evaluate", new PipelineSpec.EvaluateStep(steps.evaluate().metrics(),
                        steps.evaluate().positive()));
                config.put("lineage", run.pipeline + "/" + run.datasetName + "@" + run.datasetVersion);
            }
            case REGISTER -> throw new IllegalArgumentException("register runs in the control plane and is never cached");
        }
        return config;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
