package dev.cairn.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

record AuditEntryView(long seq, Instant at, String actor, String action, String target, JsonNode before,
        JsonNode after, String prevHash, String hash) {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.seq, e.at, e.actor, e.action, e.target, e.beforeJson(), e.afterJson(), e.prevHash,
                e.hash);
    }
}
