package dev.cairn.api.problem;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps the exceptions every feature shares; each feature maps its own next to where they are thrown. */
class GeneralProblems {
    private static final Logger LOG = Logger.getLogger(GeneralProblems.class);

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return Problem.of(Status.NOT_FOUND, "not-found", "Not found", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e, UriInfo uri) {
        return Problem.of(Problem.UNPROCESSABLE_CONTENT, e.slug(), "Request cannot be carried out", e.getMessage(), uri,
                e.errors().isEmpty() ? null : e.errors());
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return Problem.of(Status.CONFLICT, e.slug(), "Conflicts with the current state", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        var errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return Problem.of(Status.BAD_REQUEST, "validation-failed", "Validation failed",
                errors.size() + " field(s) are invalid", uri, errors);
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, UriInfo uri) {
        return Problem.of(Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                "This endpoint does not accept that Content-Type; see /q/openapi for what it takes", uri);
    }

    @ServerExceptionMapper
    public Response methodNotAllowed(NotAllowedException e, UriInfo uri) {
        return Problem.of(Status.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                "This resource does not support that method", uri);
    }

    /** Other JAX-RS errors (404 on an unknown path, 406, ...) keep their status and get a problem body. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        var status = Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null || status.getFamily() == Response.Status.Family.SERVER_ERROR) {
            return unexpected(e, uri);
        }
        return Problem.of(status, "http-" + status.getStatusCode(), status.getReasonPhrase(),
                status.getReasonPhrase(), uri);
    }

    /** Logged once with an id the caller can quote; the body never carries class names or stack traces. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        var incident = UUID.randomUUID();
        LOG.errorf(e, "Unexpected error, incident %s, on %s", incident, uri.getRequestUri().getRawPath());
        return Problem.of(Status.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "Something went wrong on our side; quote incident " + incident + " when reporting it", uri);
    }

    /**
     * A violation's path is {@code method.parameter[.field...]}: a query parameter is named by itself,
     * a body field by its path inside the body, as the client wrote them.
     */
    private static String field(String path) {
        var nodes = path.split("\\.");
        return nodes.length <= 2 ? nodes[nodes.length - 1] : String.join(".", Arrays.copyOfRange(nodes, 2, nodes.length));
    }
}
