package dev.cairn.api.ui;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** Starts every page with what the layout needs: the viewer (name, what they may do) and the active menu item. */
@RequestScoped
class Page {
    private final SecurityIdentity identity;

    Page(SecurityIdentity identity) {
        this.identity = identity;
    }

    TemplateInstance of(Template template, String menu) {
        return template.data("viewer", Viewer.of(identity)).data("menu", menu);
    }

    Viewer viewer() {
        return Viewer.of(identity);
    }
}
