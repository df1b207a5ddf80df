package dev.cairn.api.deployments;

/** The runtime could not start or reach a deployment's servers; the message says why, for an operator. */
public class RuntimeUnavailableException extends RuntimeException {

    public RuntimeUnavailableException(String message) {
        super(message);
    }

    public RuntimeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
