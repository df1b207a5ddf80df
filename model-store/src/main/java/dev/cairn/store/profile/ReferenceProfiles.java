package dev.cairn.store.profile;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cairn.store.artifact.ArtifactRef;
import dev.cairn.store.artifact.ArtifactStorage;
import dev.cairn.store.model.ModelPackageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stores reference profiles as JSON artifacts and reads them back, checked like every artifact. */
public final class ReferenceProfiles {

    /** Sorted keys: the same profile always gives the same bytes, hence the same digest. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ReferenceProfiles() {
    }

    public static ArtifactRef save(ArtifactStorage storage, ReferenceProfile profile) throws IOException {
        return storage.put(new ByteArrayInputStream(JSON.writeValueAsBytes(profile)));
    }

    public static ReferenceProfile read(ArtifactStorage storage, String sha256) throws IOException {
        byte[] json;
        try (InputStream in = storage.open(sha256)) {
            json = in.readAllBytes(); // reading to the end verifies the digest
        }
        ReferenceProfile profile;
        try {
            profile = JSON.readValue(json, ReferenceProfile.class);
        } catch (JacksonException e) {
            throw new ModelPackageException("artifact " + sha256 + " is not a reference profile", e);
        }
        if (profile == null || profile.formatVersion() > ReferenceProfile.CURRENT_FORMAT_VERSION) {
            throw new ModelPackageException("reference profile " + sha256 + " has a format this version cannot read");
        }
        return profile;
    }
}
