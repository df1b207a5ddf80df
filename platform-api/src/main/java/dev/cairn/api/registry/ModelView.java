package dev.cairn.api.registry;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** @param aliases alias name to version number */
record ModelView(String name, String description, int latestVersion, Map<String, Integer> aliases,
        Instant createdAt) {

    static ModelView of(RegisteredModel m) {
        var aliases = new LinkedHashMap<String, Integer>();
        m.aliases().forEach(a -> aliases.put(a.name, a.version.version));
        return new ModelView(m.name, m.description, m.lastVersion, aliases, m.createdAt);
    }
}
