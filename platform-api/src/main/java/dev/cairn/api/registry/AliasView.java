package dev.cairn.api.registry;

import java.time.Instant;

record AliasView(String model, String alias, int version, String updatedBy, Instant updatedAt) {

    static AliasView of(ModelAlias a) {
        return new AliasView(a.model.name, a.name, a.version.version, a.updatedBy, a.updatedAt);
    }
}
