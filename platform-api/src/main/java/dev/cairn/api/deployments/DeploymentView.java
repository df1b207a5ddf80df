package dev.cairn.api.deployments;

import java.time.Instant;

/** A deployment as the API shows it; {@code endpoint} is where clients send predictions. */
public record DeploymentView(String name, String model, String alias, int version, Integer previousVersion,
        int replicas, String runtime, String endpoint, Deployment.Status status, String updatedBy, Instant createdAt,
        Instant updatedAt) {

    static DeploymentView of(Deployment d) {
        return new DeploymentView(d.name, d.modelName, d.alias, d.version, d.previousVersion, d.replicas, d.runtime,
                d.endpoint, d.status, d.updatedBy, d.createdAt, d.updatedAt);
    }
}
