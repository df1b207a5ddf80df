package dev.cairn.api.registry;

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

/**
 * A movable name for one version of a model, e.g. {@code production}. Moving it is one update of
 * this row; it changes only through the API (and, later, the rollout controller).
 */
@Entity
@Table(name = "model_alias")
public class ModelAlias extends PanacheEntity {
    /** Lowercase letters, digits and '-', at most 40, starting with a letter or digit. */
    public static final String NAME_PATTERN = "[a-z0-9][a-z0-9-]{0,39}";

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

    void moveTo(ModelVersion target, String by) {
        version = target;
        updatedBy = by;
        updatedAt = Instant.now();
    }
}
