package dev.cairn.api.ui;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Cross-site request forgery guard for the UI's actions. The session is a cookie, so a page on another site could
 * make the browser post to /ui with it. SameSite=Lax already keeps the cookie off cross-site POSTs; on top of that,
 * every action must carry the {@value #HEADER} header, which the UI's own scripts set and which a cross-site form
 * cannot send (a cross-site script could only with a CORS preflight, which this server never grants).
 */
class UiActionGuard {
    static final String HEADER = "X-Cairn-UI";

    @ServerRequestFilter
    Response requireUiHeader(ContainerRequestContext request) {
        var method = request.getMethod();
        boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        if (safe || !request.getUriInfo().getPath().startsWith("/ui")
                || request.getHeaderString(HEADER) != null) {
            return null;
        }
        return Response.status(Response.Status.FORBIDDEN).type("text/plain")
                .entity("UI actions must come from the UI's own pages").build();
    }
}
