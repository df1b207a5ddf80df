package dev.cairn.api.registry;

import dev.cairn.api.audit.AuditEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;

/** What the audit log says about one target, newest first, read as the tests' own transaction. */
final class AuditTrail {
    private AuditTrail() {
    }

    static List<AuditEntry> of(String target) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.list("target = ?1 order by seq desc", target));
    }

    static List<AuditEntry> ofAlias(String model, String alias) {
        return of(ModelAlias.auditTarget(model, alias));
    }
}
