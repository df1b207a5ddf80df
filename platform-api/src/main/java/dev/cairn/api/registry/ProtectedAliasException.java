package dev.cairn.api.registry;

/** A protected alias was to be changed by someone without the role it needs: answered 403 {@code protected-alias}. */
class ProtectedAliasException extends RuntimeException {

    ProtectedAliasException(String alias, String role) {
        super("Alias '" + alias + "' is protected: moving, deleting or rolling it back needs the role '" + role
                + "' (or admin)");
    }
}
