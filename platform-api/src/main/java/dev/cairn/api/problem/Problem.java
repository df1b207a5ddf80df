package dev.cairn.api.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

/**
 * RFC 9457 body. {@code type} is a relative URI the API serves as a documentation page; clients
 * switch on it, never on {@code detail}. {@code errors} is present only for validation problems.
 */
public record Problem(URI type, String title, int status, String detail, URI instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** 422: the request is well-formed but names something that cannot be done (JAX-RS has no constant for it). */
    public static final Response.StatusType UNPROCESSABLE_CONTENT = new Response.StatusType() {
        public int getStatusCode() {
            return 422;
        }

        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    /** One precise complaint about one field of a request, e.g. {@code steps.split.test}. */
    public record FieldError(String field, String message) {
    }

    public static Response of(Response.StatusType status, String slug, String title, String detail, UriInfo uri) {
        return of(status, slug, title, detail, uri, null);
    }

    public static Response of(Response.StatusType status, String slug, String title, String detail, UriInfo uri,
            List<FieldError> errors) {
        var body = new Problem(URI.create("/problems/" + slug), title, status.getStatusCode(), detail,
                uri == null ? null : URI.create(uri.getRequestUri().getRawPath()), errors);
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }
}
