package dev.cairn.api.registry;

/**
 * An alias was pointed at a version: what the audit log records about it.
 *
 * @param from the version it pointed at before; null when the alias is new
 */
record AliasMove(ModelAlias alias, Integer from, int to) {

    /** Pointing an alias where it already points changes nothing, so nothing is recorded. */
    boolean changed() {
        return from == null || from != to;
    }

    AliasState before() {
        return from == null ? null : new AliasState(from);
    }

    AliasState after() {
        return new AliasState(to);
    }
}
