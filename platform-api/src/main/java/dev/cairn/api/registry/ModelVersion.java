package dev.cairn.api.registry;

import dev.cairn.api.audit.Audit;
import dev.cairn.api.audit.AuditEntry;
import dev.cairn.store.model.InputFeature;
import dev.cairn.store.model.ModelManifest;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.panache.common.Page;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One immutable registered model package: the manifest in the artifact store (by digest) plus what
 * the registry shows and searches without opening it.
 *
 * <p>Java API for the orchestrator: {@link #register}, inside its transaction.
 */
@Entity
@Table(name = "model_version")
public class ModelVersion extends PanacheEntity {
    /** Audit action; after is a {@link RegisteredVersion}. */
    static final String REGISTERED = "model-version.registered";

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "model_id")
    public RegisteredModel model;
    public int version;
    /** The model package: the manifest JSON in the artifact store, which names the payload. */
    public String manifestSha256;
    public String payloadSha256;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> labels;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<InputFeature> inputSignature;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Double> metrics;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public ModelLineage lineage;
    /** The pipeline run that registered this version; unique, so a redelivered result cannot add another. */
    public String sourceRunId;
    public Instant createdAt;

    /**
     * Registers the package a pipeline run produced as the next version of {@code modelName}, creating the model
     * when new, and records it in the audit log as done by {@value Audit#SYSTEM}. Prefer the overload that names who
     * asked for the pipeline run.
     *
     * @see #register(String, ModelManifest, String, String, String, String)
     */
    public static ModelVersion register(String modelName, ModelManifest manifest, String manifestSha256,
            String pipelineRunId, String trackingRunId) {
        return register(modelName, manifest, manifestSha256, pipelineRunId, trackingRunId, Audit.SYSTEM);
    }

    /**
     * Registers the package a pipeline run produced as the next version of {@code modelName},
     * creating the model when new. Idempotent by {@code pipelineRunId}: a second call for the same
     * pipeline run returns the version the first one registered (whatever the other arguments).
     * Non-finite metrics (NaN, infinities) are left out: JSON cannot carry them. A new version is recorded in
     * the audit log ({@code model-version.registered}), in the caller's transaction.
     *
     * @param manifestSha256 the digest of {@code manifest}'s JSON in the artifact store
     * @param trackingRunId the experiments run of the pipeline run, for lineage; may be null
     * @param registeredBy the actor for the audit log: who submitted the pipeline run
     * @throws dev.cairn.api.problem.InvalidRequestException {@code invalid-model-name}
     */
    public static ModelVersion register(String modelName, ModelManifest manifest, String manifestSha256,
            String pipelineRunId, String trackingRunId, String registeredBy) {
        Objects.requireNonNull(pipelineRunId, "pipelineRunId");
        // Lock first: a concurrent registration for the same run is then visible to the check below.
        var model = RegisteredModel.lockedOrCreated(modelName);
        return registeredBy(pipelineRunId).orElseGet(() -> {
            var version = describe(model, manifest, manifestSha256, pipelineRunId, trackingRunId, Instant.now());
            version.persist();
            AuditEntry.append(registeredBy, REGISTERED, auditTarget(model.name, version.version), null,
                    RegisteredVersion.of(version));
            return version;
        });
    }

    /** The next version of {@code model} as the manifest describes it, not yet persisted. */
    static ModelVersion describe(RegisteredModel model, ModelManifest manifest, String manifestSha256,
            String pipelineRunId, String trackingRunId, Instant now) {
        var version = new ModelVersion();
        version.model = model;
        version.version = model.nextVersion();
        version.manifestSha256 = Objects.requireNonNull(manifestSha256, "manifestSha256");
        version.payloadSha256 = manifest.payloadSha256();
        version.labels = manifest.labels() == null ? List.of() : List.copyOf(manifest.labels());
        version.inputSignature = manifest.inputSignature() == null ? List.of() : List.copyOf(manifest.inputSignature());
        version.metrics = finite(manifest.metrics());
        version.lineage = ModelLineage.of(manifest.lineage(), pipelineRunId, trackingRunId);
        version.sourceRunId = pipelineRunId;
        version.createdAt = now;
        return version;
    }

    /** What the audit log calls a version, e.g. {@code model:churn-classifier/version:4}. */
    public static String auditTarget(String modelName, int version) {
        return "model:" + modelName + "/version:" + version;
    }

    /** The alias names pointing at this version, sorted. */
    public List<String> aliases() {
        return model.aliases().stream().filter(a -> a.version.version == version).map(a -> a.name).toList();
    }

    public static Optional<ModelVersion> registeredBy(String pipelineRunId) {
        return find("sourceRunId", pipelineRunId).firstResultOptional();
    }

    public static Optional<ModelVersion> of(String modelName, int version) {
        return find("model.name = ?1 and version = ?2", modelName, version).firstResultOptional();
    }

    /** The version an alias points at, e.g. {@code ("churn-classifier", "production")}. */
    public static Optional<ModelVersion> aliased(String modelName, String alias) {
        return ModelAlias.<ModelAlias> find("model.name = ?1 and name = ?2", modelName, alias).firstResultOptional()
                .map(a -> a.version);
    }

    static Optional<ModelVersion> of(RegisteredModel model, int version) {
        return find("model = ?1 and version = ?2", model, version).firstResultOptional();
    }

    /** Newest first. */
    static List<ModelVersion> pageOf(RegisteredModel model, int page, int size) {
        return ModelVersion.<ModelVersion> find("model = ?1 order by version desc", model).page(Page.of(page, size))
                .list();
    }

    static long countOf(RegisteredModel model) {
        return count("model", model);
    }

    private static Map<String, Double> finite(Map<String, Double> metrics) {
        var kept = new LinkedHashMap<String, Double>();
        if (metrics != null) {
            metrics.forEach((k, v) -> {
                if (v != null && Double.isFinite(v)) {
                    kept.put(k, v);
                }
            });
        }
        return kept;
    }
}
