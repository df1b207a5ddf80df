package dev.cairn.api.ui;

import dev.cairn.api.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is looking at a page, and so what the page offers: an SRE sees no Upload button, a data scientist no
 * audit log. The buttons are only the visible half; every action's endpoint checks the same roles again.
 */
public record Viewer(String name, boolean mayWrite, boolean mayMoveProtectedAliases, boolean mayReadAudit) {

    static Viewer of(SecurityIdentity identity) {
        boolean writer = identity.hasRole(Roles.DATA_SCIENTIST) || identity.hasRole(Roles.CI)
                || identity.hasRole(Roles.ADMIN);
        boolean releaser = identity.hasRole(Roles.RELEASE_MANAGER) || identity.hasRole(Roles.ADMIN);
        boolean auditor = identity.hasRole(Roles.SRE) || identity.hasRole(Roles.ADMIN);
        return new Viewer(identity.getPrincipal().getName(), writer, releaser, auditor);
    }

    /** The monitoring page: SREs watch deployments, data scientists their models' drift (CI has no use for it). */
    public boolean mayReadMonitoring() {
        return mayReadAudit || mayWrite;
    }

    /** May pull the deployments' rollback lever: the on-call SRE, release managers, admins. */
    public boolean mayRollBack() {
        return mayReadAudit || mayMoveProtectedAliases;
    }

    /** May move at least one kind of alias (the registry's unprotected ones need a writer, protected ones a releaser). */
    public boolean mayMoveAliases() {
        return mayWrite || mayMoveProtectedAliases;
    }
}
