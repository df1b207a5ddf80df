package dev.cairn.deploy.predict;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/** RFC 9457 body for the plain JSON API; {@code type} is what clients switch on, never {@code detail}. */
public record Problem(URI type, String title, int status, String detail, URI instance) {

    static Response of(Response.Status status, String slug, String title, String detail, URI instance) {
        var body = new Problem(URI.create("/problems/" + slug), title, status.getStatusCode(), detail, instance);
        return Response.status(status).type("application/problem+json").entity(body).build();
    }
}
