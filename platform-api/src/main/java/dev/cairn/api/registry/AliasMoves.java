package dev.cairn.api.registry;

import dev.cairn.api.audit.Audit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Moves an alias on behalf of another feature (the deployments' rollback), recorded exactly as a move through the
 * alias API is, in the caller's transaction: the alias and what serves it change together or not at all.
 */
@ApplicationScoped
public class AliasMoves {
    private final Audit audit;

    AliasMoves(Audit audit) {
        this.audit = audit;
    }

    @Transactional(TxType.MANDATORY)
    public void point(String modelName, String aliasName, int version) {
        var move = RegisteredModel.requireForUpdate(modelName).point(aliasName, version, audit.actor());
        if (move.changed()) {
            audit.record(ModelAlias.MOVED, ModelAlias.auditTarget(modelName, aliasName), move.before(), move.after());
        }
    }
}
