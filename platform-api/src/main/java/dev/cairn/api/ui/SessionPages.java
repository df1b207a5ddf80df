package dev.cairn.api.ui;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Where Keycloak sends the browser after logout ({@code quarkus.oidc.ui.logout.post-logout-path}). Public: whoever
 * sees it has no session any more. Logging in and out themselves are quarkus-oidc's (any /ui page, /ui/logout).
 */
@Path("/ui/logged-out")
public class SessionPages {
    private final Template loggedOut;

    SessionPages(@Location("logged-out.html") Template loggedOut) {
        this.loggedOut = loggedOut;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance loggedOut() {
        return loggedOut.instance();
    }
}
