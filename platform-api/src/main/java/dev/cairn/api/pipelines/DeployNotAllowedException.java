package dev.cairn.api.pipelines;

/**
 * A spec with {@code steps.deploy} was submitted by someone who may not move {@code production}: such a run would
 * roll its version out (and move the alias) with the submitter's rights, so submitting it needs the same role as
 * moving the alias by hand. Answered 403 {@code deploy-not-allowed}.
 */
class DeployNotAllowedException extends RuntimeException {

    DeployNotAllowedException(String role) {
        super("steps.deploy rolls the registered version out and moves the model's production alias: submitting it "
                + "needs the role '" + role + "' (or admin). Leave steps.deploy out to train and register only.");
    }
}
