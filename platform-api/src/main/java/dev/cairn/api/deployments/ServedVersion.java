package dev.cairn.api.deployments;

/** One registered model version as an inference server loads it. */
public record ServedVersion(String model, int version, String manifestSha256) {
}
