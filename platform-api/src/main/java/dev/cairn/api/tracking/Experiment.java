package dev.cairn.api.tracking;

import dev.cairn.api.problem.ConflictException;
import dev.cairn.api.problem.InvalidRequestException;
import dev.cairn.api.problem.NotFoundException;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A named group of comparable runs, e.g. every run of one pipeline. Names are case-sensitive and
 * appear in URLs, so they stay boring.
 */
@Entity
@Table(name = "experiment")
public class Experiment extends PanacheEntity {
    /** Letters, digits, '.', '_' and '-', starting with a letter or digit; pipeline names fit. */
    public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";
    static final String NAME_RULE = "1-128 characters of A-Z, a-z, 0-9, '.', '_' and '-', starting with a letter or digit";

    public String name;
    public String description;
    public String createdBy;
    public Instant createdAt;

    static Experiment create(String name, String description, String createdBy) {
        if (named(name).isPresent()) {
            throw new ConflictException("experiment-exists", "An experiment named '" + name + "' already exists");
        }
        return newExperiment(name, description, createdBy);
    }

    /** The experiment of that name, created when missing; for callers that log runs without setting up first. */
    public static Experiment ensure(String name) {
        return named(name).orElseGet(() -> newExperiment(name, null, null));
    }

    public static Optional<Experiment> named(String name) {
        return find("name", name).firstResultOptional();
    }

    static Experiment require(String name) {
        return named(name).orElseThrow(() -> new NotFoundException("No experiment named '" + name + "'"));
    }

    private static Experiment newExperiment(String name, String description, String createdBy) {
        if (name == null || !name.matches(NAME_PATTERN)) {
            throw new InvalidRequestException("invalid-experiment-name",
                    "Experiment names are " + NAME_RULE + "; got '" + name + "'");
        }
        var experiment = new Experiment();
        experiment.name = name;
        experiment.description = description;
        experiment.createdBy = createdBy;
        experiment.createdAt = Instant.now();
        experiment.persist();
        return experiment;
    }
}
