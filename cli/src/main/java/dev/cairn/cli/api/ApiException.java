package dev.cairn.cli.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A call the API refused or failed. Its message is what a person needs: the call, the status, and for an RFC 9457
 * problem its title, detail and one line per {@code errors[]} entry ({@code field: message}); any other body as it came.
 */
public final class ApiException extends IOException {
    private final int status;

    private ApiException(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static ApiException of(String call, int status, String body, ObjectMapper json) {
        return new ApiException(call + " answered " + status + ": " + String.join("\n  ", describe(status, body, json)), status);
    }

    private static List<String> describe(int status, String body, ObjectMapper json) {
        var lines = new ArrayList<String>();
        try {
            JsonNode problem = json.readTree(body == null ? "" : body);
            if (problem != null && problem.hasNonNull("title")) {
                lines.add(problem.get("title").asText());
                if (problem.hasNonNull("detail")) {
                    lines.add(problem.get("detail").asText());
                }
                problem.path("errors").forEach(error -> lines.add(error.hasNonNull("field")
                        ? error.get("field").asText() + ": " + error.path("message").asText()
                        : error.path("message").asText(error.toString())));
                return lines;
            }
        } catch (IOException notJson) {
            // shown as it came, below
        }
        lines.add(body != null && !body.isBlank() ? body.strip() : switch (status) {
            case 401 -> "the token was not accepted (wrong issuer or audience, or expired)";
            case 403 -> "the caller's roles do not allow this call (see the role matrix in platform-api/README.md)";
            default -> "(no body)";
        });
        return lines;
    }
}
