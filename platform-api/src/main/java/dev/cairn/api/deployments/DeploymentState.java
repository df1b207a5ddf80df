package dev.cairn.api.deployments;

/** A deployment as the audit log records it before and after a change. */
record DeploymentState(String model, String alias, int version, int replicas, String endpoint) {
}
