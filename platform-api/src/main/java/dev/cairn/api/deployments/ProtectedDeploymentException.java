package dev.cairn.api.deployments;

/** Deploying a protected alias (production) is a release manager's decision, as moving it is. */
class ProtectedDeploymentException extends RuntimeException {

    ProtectedDeploymentException(String alias) {
        super("alias '" + alias + "' is protected: deploying it needs the release-manager or admin role");
    }
}
