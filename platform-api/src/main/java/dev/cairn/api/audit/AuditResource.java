package dev.cairn.api.audit;

import dev.cairn.api.PageView;
import dev.cairn.api.Roles;
import io.quarkus.panache.common.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

/** Reading and verifying the audit log; nothing writes it through HTTP. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    /** Entries read per query while verifying; bounds memory, not the chain's length. */
    private static final int VERIFY_BATCH = 500;

    @GET
    @RolesAllowed({ Roles.SRE, Roles.ADMIN })
    @Operation(summary = "Audit entries, newest first, optionally of one target (and what is under it) or action",
            description = "`target=model:churn-classifier` also finds `model:churn-classifier/alias:production`.")
    public PageView<AuditEntryView> list(@RestQuery String target, @RestQuery String action,
            @RestQuery @DefaultValue("0") @Min(0) int page, @RestQuery @DefaultValue("50") @Min(1) @Max(500) int size) {
        var query = AuditEntry.search(blankToNull(target), blankToNull(action)).page(Page.of(page, size));
        return new PageView<>(query.list().stream().map(AuditEntryView::of).toList(), page, size, query.count());
    }

    @GET
    @Path("/verify")
    @RolesAllowed({ Roles.SRE, Roles.ADMIN })
    @Operation(summary = "Recompute the whole hash chain and report the first entry that does not verify",
            description = "`valid` is false when an entry was changed, removed or inserted since it was written. "
                    + "A chain rewritten from some entry on, or cut short, shows only against an `anchor`: "
                    + "`<entries>:<headHash>` of an earlier report, noted outside the database.")
    public ChainReport verify(@RestQuery String anchor) {
        return AuditEntry.verifyChain(VERIFY_BATCH, blankToNull(anchor) == null ? null : Anchor.parse(anchor));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
