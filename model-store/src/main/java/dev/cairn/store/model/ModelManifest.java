package dev.cairn.store.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.contracts.ColumnType;
import dev.cairn.store.artifact.ArtifactRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a model package says about itself: enough to load, verify, serve and explain the model
 * without opening the payload. Stored as JSON next to the payload; its own digest names the package.
 *
 * @param format how the payload is encoded, e.g. {@code tribuo-protobuf}; never Java serialization
 * @param payloadSha256 checked before the payload is deserialised
 * @param inputSignature the raw columns a caller sends, in order
 * @param labels the classes the model can answer, in a stable order
 * @param preprocessing what to do to a raw row before the model sees it (imputation, clipping)
 * @param missingTokens the cell values that meant "missing" in the training data, so that serving
 *        reads a row the way training did; null in manifests written before the field existed, read
 *        as {@code MissingTokens.DEFAULT}
 * @param referenceProfile digest of the {@link dev.cairn.store.profile.ReferenceProfile} of the training rows, which
 *        monitoring compares live traffic with; null for packages saved without one
 * @param textVocabulary digest of the JSON list of fitted {@link dev.cairn.store.text.TextVocabulary text vocabularies},
 *        one per {@code text} column of the input signature; null for a model that reads no text
 */
public record ModelManifest(int formatVersion, String framework, String frameworkVersion, String format,
        String payloadSha256, long payloadSize, String task, String target, List<InputFeature> inputSignature,
        List<String> labels, List<ColumnTransform> preprocessing, Map<String, Double> metrics, Lineage lineage,
        Instant createdAt, List<String> missingTokens,
        @JsonInclude(JsonInclude.Include.NON_NULL) String referenceProfile,
        @JsonInclude(JsonInclude.Include.NON_NULL) String textVocabulary) {

    public static final int CURRENT_FORMAT_VERSION = 1;
    /** {@code task}: the model answers one of its {@code labels}. */
    public static final String CLASSIFICATION = "classification";
    /** {@code task}: the model answers a number for the target; {@code labels} is null. */
    public static final String REGRESSION = "regression";

    /** Whether the model answers a number rather than a class. */
    public boolean isRegression() {
        return REGRESSION.equals(task);
    }

    /** Without a text vocabulary: a model of numeric and categorical columns only. */
    public ModelManifest(int formatVersion, String framework, String frameworkVersion, String format,
            String payloadSha256, long payloadSize, String task, String target, List<InputFeature> inputSignature,
            List<String> labels, List<ColumnTransform> preprocessing, Map<String, Double> metrics, Lineage lineage,
            Instant createdAt, List<String> missingTokens, String referenceProfile) {
        this(formatVersion, framework, frameworkVersion, format, payloadSha256, payloadSize, task, target,
                inputSignature, labels, preprocessing, metrics, lineage, createdAt, missingTokens, referenceProfile, null);
    }

    /** Without a reference profile (attached later with {@link #withReferenceProfile}). */
    public ModelManifest(int formatVersion, String framework, String frameworkVersion, String format,
            String payloadSha256, long payloadSize, String task, String target, List<InputFeature> inputSignature,
            List<String> labels, List<ColumnTransform> preprocessing, Map<String, Double> metrics, Lineage lineage,
            Instant createdAt, List<String> missingTokens) {
        this(formatVersion, framework, frameworkVersion, format, payloadSha256, payloadSize, task, target,
                inputSignature, labels, preprocessing, metrics, lineage, createdAt, missingTokens, null);
    }

    /** The original shape, without {@code missingTokens} (serving then uses the default tokens). */
    public ModelManifest(int formatVersion, String framework, String frameworkVersion, String format,
            String payloadSha256, long payloadSize, String task, String target, List<InputFeature> inputSignature,
            List<String> labels, List<ColumnTransform> preprocessing, Map<String, Double> metrics, Lineage lineage,
            Instant createdAt) {
        this(formatVersion, framework, frameworkVersion, format, payloadSha256, payloadSize, task, target,
                inputSignature, labels, preprocessing, metrics, lineage, createdAt, null, null);
    }

    /** The same package with other metrics, e.g. the test metrics the evaluate step adds; the payload is shared. */
    public ModelManifest withMetrics(Map<String, Double> newMetrics) {
        return new ModelManifest(formatVersion, framework, frameworkVersion, format, payloadSha256, payloadSize, task,
                target, inputSignature, labels, preprocessing, newMetrics, lineage, createdAt, missingTokens,
                referenceProfile, textVocabulary);
    }

    /** The same package with the digest of its training data's reference profile. */
    public ModelManifest withReferenceProfile(String profileSha256) {
        return new ModelManifest(formatVersion, framework, frameworkVersion, format, payloadSha256, payloadSize, task,
                target, inputSignature, labels, preprocessing, metrics, lineage, createdAt, missingTokens,
                profileSha256, textVocabulary);
    }

    /** The same package naming another payload (and how it is encoded). */
    ModelManifest withPayload(String newFramework, String newFrameworkVersion, String newFormat, ArtifactRef payload,
            List<String> newLabels) {
        return new ModelManifest(CURRENT_FORMAT_VERSION, newFramework, newFrameworkVersion, newFormat,
                payload.sha256(), payload.size(), task, target, inputSignature, newLabels, preprocessing, metrics,
                lineage, createdAt, missingTokens, referenceProfile, textVocabulary);
    }

    /** The same package with the digest of its fitted text vocabularies. */
    public ModelManifest withTextVocabulary(String vocabularySha256) {
        return new ModelManifest(formatVersion, framework, frameworkVersion, format, payloadSha256, payloadSize, task,
                target, inputSignature, labels, preprocessing, metrics, lineage, createdAt, missingTokens,
                referenceProfile, vocabularySha256);
    }

    /** Whether a column of the input signature is free text, featurised by a stored vocabulary. */
    public boolean readsText() {
        return inputSignature != null && inputSignature.stream().anyMatch(f -> f.type() == ColumnType.TEXT);
    }
}
