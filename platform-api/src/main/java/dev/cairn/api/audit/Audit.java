package dev.cairn.api.audit;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Records who did what in the audit log, in the caller's transaction (so a change that rolls back leaves no
 * entry). Call it last in the transaction: it holds the chain's lock until the commit.
 *
 * <pre>{@code
 * audit.record("alias.moved", "model:churn-classifier/alias:production", Map.of("version", 3), Map.of("version", 4));
 * }</pre>
 *
 * Actions are {@code <thing>.<past-tense verb>} ({@code alias.moved}, {@code pipeline-run.cancelled}); targets are
 * {@code kind:name} paths ({@code model:churn-classifier/version:4}, {@code pipeline-run:<id>}).
 */
@ApplicationScoped
public class Audit {
    /** The actor of changes no person or client asked for directly, e.g. ones driven by Kafka events. */
    public static final String SYSTEM = "system";
    /** Keycloak puts it in tokens of service accounts (client credentials grant) only. */
    private static final String CLIENT_ID_CLAIM = "client_id";
    /** Keycloak names a client's service-account user {@code service-account-<client id>}. */
    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    private final SecurityIdentity identity;

    Audit(SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * Records an action of the current caller ({@link #actor()}).
     *
     * @param before the state before (a record, a map, a number; written as JSON); null if there was none
     * @param after the state after; null if there is none (a deletion)
     */
    @Transactional(TxType.MANDATORY)
    public void record(String action, String target, Object before, Object after) {
        AuditEntry.append(actor(), action, target, before, after);
    }

    /** Records an action on behalf of a known actor, e.g. the creator of the pipeline run that caused it. */
    @Transactional(TxType.MANDATORY)
    public void recordAs(String actor, String action, String target, Object before, Object after) {
        AuditEntry.append(actor, action, target, before, after);
    }

    /**
     * The caller as the audit log names it: the principal name, for a service account its client id, and
     * {@link #SYSTEM} outside a request or without a login.
     */
    public String actor() {
        if (!Arc.container().requestContext().isActive() || identity.isAnonymous()) {
            return SYSTEM;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token
                && token.<Object> getClaim(CLIENT_ID_CLAIM) instanceof String clientId) {
            return clientId;
        }
        var name = identity.getPrincipal().getName();
        return name.startsWith(SERVICE_ACCOUNT_PREFIX) ? name.substring(SERVICE_ACCOUNT_PREFIX.length()) : name;
    }
}
