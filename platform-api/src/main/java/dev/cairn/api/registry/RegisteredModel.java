package dev.cairn.api.registry;

import dev.cairn.api.problem.ConflictException;
import dev.cairn.api.problem.InvalidRequestException;
import dev.cairn.api.problem.NotFoundException;
import dev.cairn.api.problem.Problem.FieldError;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A named model whose versions are numbered 1..n and never reused, and whose aliases
 * ({@code production}, {@code champion}, ...) point at one version each. Alias moves go through
 * here so that they are serialised per model.
 */
@Entity
@Table(name = "registered_model")
public class RegisteredModel extends PanacheEntity {
    /**
     * Lowercase, because a model name becomes part of deployment and Kubernetes resource names
     * ({@code churn-classifier@production}).
     */
    public static final String NAME_PATTERN = "[a-z0-9][a-z0-9._-]{0,127}";

    public String name;
    public String description;
    /** The highest version number handed out so far; 0 before the first. */
    public int lastVersion;
    public Instant createdAt;

    @OneToMany(mappedBy = "model")
    @OrderBy("name")
    private List<ModelAlias> aliases = new ArrayList<>();

    static RegisteredModel newModel(String name, Instant now) {
        if (name == null || !name.matches(NAME_PATTERN)) {
            throw new InvalidRequestException("invalid-model-name", "Model names are 1-128 characters of a-z, 0-9, "
                    + "'.', '_' and '-', starting with a letter or digit; got '" + name + "'");
        }
        var model = new RegisteredModel();
        model.name = name;
        model.createdAt = now;
        return model;
    }

    /** Versions count up per model; the caller holds the model's row lock (see {@link #lockedOrCreated}). */
    int nextVersion() {
        return ++lastVersion;
    }

    /**
     * Points the alias at a version of this model, creating the alias if new: one row written, none when it
     * already points there.
     *
     * @throws InvalidRequestException {@code invalid-alias-name}, or {@code unknown-version} if this model has no such version
     */
    AliasMove point(String aliasName, int versionNumber, String by) {
        ModelAlias.requireValidName(aliasName);
        var target = ModelVersion.of(this, versionNumber).orElseThrow(() -> new InvalidRequestException(
                "unknown-version", "Model '" + name + "' has no version " + versionNumber,
                List.of(new FieldError("version", "no such version of '" + name + "'"))));
        var existing = alias(aliasName);
        if (existing.isPresent()) {
            var alias = existing.get();
            int from = alias.version.version;
            if (from != versionNumber) {
                alias.moveTo(target, by);
            }
            return new AliasMove(alias, from, versionNumber);
        }
        var alias = ModelAlias.create(this, aliasName, target, by);
        aliases.add(alias);
        return new AliasMove(alias, null, versionNumber);
    }

    /**
     * Points the alias back at the version it pointed at before its last move; a second rollback undoes the
     * first, as {@code kubectl rollout undo} does.
     *
     * @throws ConflictException {@code nothing-to-roll-back} when the audit log knows no earlier version
     */
    AliasMove rollBack(String aliasName, String by) {
        var alias = alias(aliasName).orElseThrow(() -> unknownAlias(aliasName));
        int previous = alias.versionBeforeLastMove().orElseThrow(() -> new ConflictException("nothing-to-roll-back",
                "Alias '" + aliasName + "' of model '" + name + "' has no earlier version to go back to"));
        return point(aliasName, previous, by);
    }

    /** @return the version the alias pointed at */
    int removeAlias(String aliasName) {
        var alias = alias(aliasName).orElseThrow(() -> unknownAlias(aliasName));
        int version = alias.version.version;
        aliases.remove(alias);
        alias.delete();
        return version;
    }

    /** By name. A method, not a field, so it also works through a lazy proxy of this model. */
    public List<ModelAlias> aliases() {
        return Collections.unmodifiableList(aliases);
    }

    Optional<ModelAlias> alias(String aliasName) {
        return aliases.stream().filter(a -> a.name.equals(aliasName)).findFirst();
    }

    NotFoundException unknownAlias(String aliasName) {
        return new NotFoundException("Model '" + name + "' has no alias '" + aliasName + "'");
    }

    public static Optional<RegisteredModel> byName(String name) {
        return find("name", name).firstResultOptional();
    }

    static RegisteredModel require(String name) {
        return byName(name).orElseThrow(() -> notFound(name));
    }

    static RegisteredModel requireForUpdate(String name) {
        return RegisteredModel.<RegisteredModel> find("name", name).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().orElseThrow(() -> notFound(name));
    }

    /**
     * The model, row-locked until the transaction ends so version numbers are handed out one at a
     * time; created when new (two first registrations racing: one fails on the unique name and
     * its retry finds the model).
     */
    static RegisteredModel lockedOrCreated(String name) {
        return RegisteredModel.<RegisteredModel> find("name", name).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().orElseGet(() -> {
                    var model = newModel(name, Instant.now());
                    model.persist();
                    return model;
                });
    }

    private static NotFoundException notFound(String name) {
        return new NotFoundException("No model named '" + name + "'");
    }
}
