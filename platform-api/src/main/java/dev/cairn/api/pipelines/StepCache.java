package dev.cairn.api.pipelines;

import dev.cairn.store.artifact.ArtifactStorage;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The output of one step execution, under the key of everything that determined it (see
 * {@link StepCacheKey}). The newest execution wins a key: its artifacts are the likeliest to still be stored.
 */
@Entity
@Table(name = "step_cache")
public class StepCache extends PanacheEntityBase {
    @Id
    public String cacheKey;
    public String step;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, String> outputs;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Double> metrics;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> report;
    /** As {@link StepRun#curves}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, List<Double>> curves;
    public String sourceRunId;
    public Instant createdAt;

    /** An entry whose every output artifact is still in the store; one with a missing artifact is a miss. */
    static Optional<StepCache> usable(String key, ArtifactStorage storage) {
        return StepCache.<StepCache> findByIdOptional(key)
                .filter(entry -> entry.outputs.values().stream().allMatch(storage::exists));
    }

    static void remember(StepRun step) {
        var entry = StepCache.<StepCache> findByIdOptional(step.cacheKey).orElseGet(StepCache::new);
        entry.cacheKey = step.cacheKey;
        entry.step = step.step.name();
        entry.outputs = step.outputs == null ? Map.of() : step.outputs;
        entry.metrics = step.metrics;
        entry.report = step.report;
        entry.curves = step.curves;
        entry.sourceRunId = step.run.id;
        entry.createdAt = Instant.now();
        entry.persist();
    }
}
