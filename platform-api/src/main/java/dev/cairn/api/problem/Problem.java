package dev.cairn.api.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

/**
 * RFC 9457 body. {@code type} is a relative URI the API serves as a documentation page; clients
 * switch on it, never on {@code detail}. {@code errors} is present only for validation problems.
 */
public record Problem(URI type, String title, int status, String detail, URI instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One precise complaint about one field of a request, e.g. {@code steps.split.test}. */
    public record FieldError(String field, String message) {
    }

    public static Response of(Status status, String slug, String title, String detail, UriInfo uri) {
        return of(status, slug, title, detail, uri, null);
    }

    public static Response of(Status status, String slug, String title, String detail, UriInfo uri,
            List<FieldError> errors) {
        var body = new Problem(URI.create("/problems/" + slug), title, status.getStatusCode(), detail,
                uri == null ? null : URI.create(uri.getRequestUri().getRawPath()), errors);
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }
}
