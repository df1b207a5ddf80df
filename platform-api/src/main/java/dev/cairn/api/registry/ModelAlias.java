package dev.cairn.api.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.api.audit.AuditEntry;
import dev.cairn.api.problem.InvalidRequestException;
import dev.cairn.api.problem.Problem.FieldError;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A movable name for one version of a model, e.g. {@code production}. Moving it is one update of
 * this row; it changes only through the API (and, later, the rollout controller).
 */
@Entity
@Table(name = "model_alias")
public class ModelAlias extends PanacheEntity {
    /** Lowercase letters, digits and '-', at most 40, starting with a letter or digit. */
    public static final String NAME_PATTERN = "[a-z0-9][a-z0-9-]{0,39}";
    /** Audit actions: before and after are {@link AliasState}s (before null when created, after null when deleted). */
    static final String MOVED = "alias.moved";
    static final String DELETED = "alias.deleted";
    static final String ROLLED_BACK = "alias.rolled-back";

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "model_id")
    public RegisteredModel model;
    public String name;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "version_id")
    public ModelVersion version;
    public String updatedBy;
    public Instant updatedAt;

    /**
     * All-digit names are refused: {@code model@3} must always mean version 3, never an alias
     * called "3".
     */
    static void requireValidName(String name) {
        if (name == null || !name.matches(NAME_PATTERN) || name.chars().allMatch(Character::isDigit)) {
            var rule = "1-40 characters of a-z, 0-9 and '-', starting with a letter or digit, not only digits";
            throw new InvalidRequestException("invalid-alias-name", "Invalid alias name '" + name + "'",
                    List.of(new FieldError("alias", rule)));
        }
    }

    static ModelAlias create(RegisteredModel model, String name, ModelVersion version, String by) {
        var alias = new ModelAlias();
        alias.model = model;
        alias.name = name;
        alias.moveTo(version, by);
        alias.persist();
        return alias;
    }

    /** What the audit log calls this alias, e.g. {@code model:churn-classifier/alias:production}. */
    public static String auditTarget(String modelName, String aliasName) {
        return "model:" + modelName + "/alias:" + aliasName;
    }

    /**
     * The version this alias pointed at before its last move (a rollback counts as a move), as the audit log
     * recorded it. Empty when there is none (the alias was created by its last move) or when the log's latest
     * entry does not end at the alias' current version: then the log does not know how the alias got there
     * (moved before the log existed), and guessing could roll back to the wrong version.
     */
    Optional<Integer> versionBeforeLastMove() {
        return AuditEntry.latest(auditTarget(model.name, name), List.of(MOVED, ROLLED_BACK, DELETED))
                .filter(last -> versionIn(last.afterJson()).equals(Optional.of(version.version)))
                .flatMap(last -> versionIn(last.beforeJson()));
    }

    private static Optional<Integer> versionIn(JsonNode state) {
        var v = state == null ? null : state.get("version");
        return v != null && v.canConvertToInt() && v.isIntegralNumber() ? Optional.of(v.intValue()) : Optional.empty();
    }

    void moveTo(ModelVersion target, String by) {
        version = target;
        updatedBy = by;
        updatedAt = Instant.now();
    }
}
