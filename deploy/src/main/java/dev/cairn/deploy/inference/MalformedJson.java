package dev.cairn.deploy.inference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A body that is not JSON, or JSON of the wrong shape, gets a 400 in the error format of the API it was sent to:
 * {@code {"error": ...}} under {@code /v2}, RFC 9457 elsewhere. Jackson's message names the position; it never
 * carries a stack trace or class name to the client.
 */
class MalformedJson {

    /** Quarkus' JSON reader reports unparseable bodies wrapped in a plain 400. */
    @ServerExceptionMapper
    Response wrapped(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json, uri);
        }
        return e.getResponse();
    }

    @ServerExceptionMapper
    Response mismatched(MismatchedInputException e, UriInfo uri) {
        return malformed(e, uri);
    }

    @ServerExceptionMapper
    Response malformed(JsonProcessingException e, UriInfo uri) {
        String detail = "the body is not valid JSON for this endpoint: " + e.getOriginalMessage()
                + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")");
        if (uri.getPath().startsWith("/v2")) {
            return Response.status(400).type(MediaType.APPLICATION_JSON).entity(Map.of("error", detail)).build();
        }
        return Response.status(400).type("application/problem+json").entity(Map.of(
                "type", "/problems/malformed-json", "title", "Malformed request body", "status", 400,
                "detail", detail, "instance", uri.getRequestUri().toString())).build();
    }
}
