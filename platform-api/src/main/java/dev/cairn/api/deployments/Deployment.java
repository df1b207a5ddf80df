package dev.cairn.api.deployments;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.Optional;

/**
 * A model alias served under a stable endpoint by N inference servers (one model version each). The row says what
 * should be serving; the runtime makes it so. A change of version keeps the version it replaced, so that a rollback
 * can return to it.
 */
@Entity
public class Deployment extends PanacheEntity {
    /** Audit actions: before and after are {@link DeploymentState}s. */
    static final String CREATED = "deployment.created";
    static final String UPDATED = "deployment.updated";
    static final String ROLLED_BACK = "deployment.rolled-back";
    static final String DELETED = "deployment.deleted";
    /** DNS-label shaped: it names Kubernetes objects too. */
    static final String NAME_PATTERN = "[a-z0-9][a-z0-9-]{0,62}";

    public enum Status {
        /** Replicas are ready and the endpoint answers. */
        SERVING,
        /** The control plane restarted after the runtime's servers stopped; redeploy to serve again. */
        STOPPED
    }

    public String name;
    public String modelName;
    public String alias;
    public int version;
    public String manifestSha256;
    public Integer previousVersion;
    public int replicas;
    public String runtime;
    public String endpoint;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String updatedBy;
    public Instant createdAt;
    public Instant updatedAt;

    static Optional<Deployment> byName(String name) {
        return find("name", name).firstResultOptional();
    }

    static String auditTarget(String name) {
        return "deployment:" + name;
    }

    DeploymentState state() {
        return new DeploymentState(modelName, alias, version, replicas, endpoint);
    }

    /** Records that {@code served} now answers, remembering the version it replaced. */
    void nowServes(ServedVersion served, String by) {
        if (served.version() != version) {
            previousVersion = version;
        }
        version = served.version();
        manifestSha256 = served.manifestSha256();
        status = Status.SERVING;
        updatedBy = by;
        updatedAt = Instant.now();
    }
}
