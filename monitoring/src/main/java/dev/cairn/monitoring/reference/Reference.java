package dev.cairn.monitoring.reference;

import dev.cairn.store.csv.MissingTokens;
import dev.cairn.store.profile.ReferenceProfile;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What live traffic of one model version is compared with: the training data's profile, every category the model
 * saw in training per categorical feature (the profile names only the most frequent ones), and the tokens that
 * meant "missing" in training.
 *
 * @param profile null when the model package has none: then only health, quality and performance are tracked
 */
public record Reference(String modelPackage, ReferenceProfile profile, Map<String, Set<String>> seenCategories,
        MissingTokens missingTokens) {

    /** No profile: nothing to compare with. */
    public static Reference none(String modelPackage) {
        return new Reference(modelPackage, null, Map.of(), MissingTokens.DEFAULT);
    }

    public boolean hasProfile() {
        return profile != null;
    }

    public List<String> featureNames() {
        if (profile == null) {
            return List.of();
        }
        return java.util.stream.Stream.concat(profile.numeric().stream().map(n -> n.name()),
                profile.categorical().stream().map(c -> c.name())).toList();
    }
}
