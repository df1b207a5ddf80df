package dev.cairn.deploy.oip;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The protocol's error body, {@code {"error": "..."}}: clients of the v2 API parse this shape, not RFC 9457. */
public record OipError(String error) {

    static Response of(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new OipError(message)).build();
    }
}
