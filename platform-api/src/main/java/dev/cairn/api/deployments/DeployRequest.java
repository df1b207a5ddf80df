package dev.cairn.api.deployments;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /api/deployments}: serve {@code model@alias} as deployment {@code name}.
 *
 * @param alias defaults to {@code production}
 * @param replicas defaults to 1
 */
public record DeployRequest(@NotBlank @Pattern(regexp = Deployment.NAME_PATTERN) String name,
        @NotBlank String model, String alias, @Min(1) @Max(16) Integer replicas) {

    String aliasOrDefault() {
        return alias == null || alias.isBlank() ? "production" : alias;
    }

    int replicasOrDefault() {
        return replicas == null ? 1 : replicas;
    }
}
