package dev.cairn.cli.api;

import java.io.IOException;

import dev.cairn.cli.stack.KeycloakTokens;

/**
 * Exit codes of the commands CI runs, so a job can tell a bad model from a bad spec from a broken platform. The same
 * for {@code run}, {@code promote}, {@code rollback} and {@code audit verify}.
 */
public final class ExitCode {
    public static final int OK = 0;
    /** The run failed or was cancelled; the audit log does not verify; the API failed (500). */
    public static final int FAILED = 1;
    /** Wrong arguments, or the API rejected the request (400, 404, 409, 422: the problem is printed). */
    public static final int USAGE = 2;
    /** {@code run --wait} gave up after {@code --timeout}; the run goes on. */
    public static final int TIMEOUT = 3;
    /** No token (wrong secret, unknown client), the API said 401 or 403, or the platform could not be reached. */
    public static final int AUTH_OR_CONNECTION = 4;

    private ExitCode() {
    }

    /** The exit code for what went wrong while talking to the platform. */
    public static int of(IOException e) {
        if (e instanceof KeycloakTokens.TokenException) {
            return AUTH_OR_CONNECTION;
        }
        if (e instanceof ApiException api) {
            return switch (api.status()) {
                case 401, 403 -> AUTH_OR_CONNECTION;
                // A proxy or load balancer that cannot reach the platform says so with these.
                case 502, 503, 504 -> AUTH_OR_CONNECTION;
                default -> api.status() >= 500 ? FAILED : USAGE;
            };
        }
        return AUTH_OR_CONNECTION; // refused, reset, timed out, unknown host
    }
}
