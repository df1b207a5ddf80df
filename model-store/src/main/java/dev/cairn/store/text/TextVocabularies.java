package dev.cairn.store.text;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
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
import java.util.List;

/**
 * Stores the fitted text vocabularies of a model as one JSON artifact (a list, one per text column), which the
 * manifest names by digest; reads them back checked like every artifact.
 */
public final class TextVocabularies {

    private static final TypeReference<List<TextVocabulary>> LIST = new TypeReference<>() {
    };
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private TextVocabularies() {
    }

    public static ArtifactRef save(ArtifactStorage storage, List<TextVocabulary> vocabularies) throws IOException {
        return storage.put(new ByteArrayInputStream(JSON.writeValueAsBytes(vocabularies)));
    }

    /** @throws ModelPackageException if the artifact is not a list of text vocabularies */
    public static List<TextVocabulary> read(ArtifactStorage storage, String sha256) throws IOException {
        byte[] json;
        try (InputStream in = storage.open(sha256)) {
            json = in.readAllBytes(); // reading to the end verifies the digest
        }
        try {
            List<TextVocabulary> read = JSON.readValue(json, LIST);
            if (read == null || read.stream().anyMatch(v -> v == null || v.column() == null || v.settings() == null)) {
                throw new ModelPackageException("artifact " + sha256 + " is not a list of text vocabularies");
            }
            return read;
        } catch (JacksonException | IllegalArgumentException e) {
            throw new ModelPackageException("artifact " + sha256 + " is not a list of text vocabularies", e);
        }
    }
}
