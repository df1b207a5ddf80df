package dev.cairn.api.pipelines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.core.JsonFactory;
import dev.cairn.api.problem.Problem.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a spec from YAML or JSON into a {@link SpecInput}. YAML is read as plain data (no tags, no
 * object construction), bounded in size, depth and aliases, so a spec cannot make the server build
 * arbitrary types or expand a "billion laughs".
 */
final class SpecParser {
    static final int MAX_SPEC_CHARS = 256 * 1024;
    private static final int MAX_DEPTH = 20;

    private final ObjectMapper yaml = configure(YAMLMapper.builder(yamlFactory()));
    private final ObjectMapper json = configure(JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build()));

    /**
     * Reads a request body as UTF-8 (as JSON and YAML 1.2 are written), and stops with {@link SpecTooLargeException}
     * as soon as it passes {@link #MAX_SPEC_CHARS}: memory stays bounded whatever a client sends.
     */
    static String read(InputStream body) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var text = new StringBuilder();
        var buffer = new char[8192];
        try (var reader = new InputStreamReader(body, decoder)) {
            for (int n = reader.read(buffer); n != -1; n = reader.read(buffer)) {
                if (text.length() + n > MAX_SPEC_CHARS) {
                    throw new SpecTooLargeException(MAX_SPEC_CHARS);
                }
                text.append(buffer, 0, n);
            }
        } catch (CharacterCodingException e) {
            throw invalid("", "the spec is not valid UTF-8");
        }
        return text.toString();
    }

    SpecInput parse(String text, boolean isYaml) {
        if (text.length() > MAX_SPEC_CHARS) {
            throw invalid("", "the spec is longer than " + MAX_SPEC_CHARS + " characters");
        }
        if (text.isBlank()) {
            throw invalid("", "the spec is empty");
        }
        try {
            var spec = (isYaml ? yaml : json).readValue(text, SpecInput.class);
            if (spec == null) {
                throw invalid("", "the spec is empty");
            }
            return spec;
        } catch (UnrecognizedPropertyException e) {
            var known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw invalid(parentPath(e), "unknown field '" + e.getPropertyName() + "'; known fields here: " + known);
        } catch (JsonMappingException e) {
            throw invalid(path(e), e.getOriginalMessage().replaceAll(" \\(class [^)]*\\)", "")
                    .replaceAll("`[a-z.]+\\.([A-Za-z$]+)`", "$1"));
        } catch (JsonProcessingException e) {
            throw invalid("", (isYaml ? "not valid YAML: " : "not valid JSON: ") + e.getOriginalMessage());
        }
    }

    private static InvalidSpecException invalid(String field, String message) {
        return new InvalidSpecException(List.of(new FieldError(field, message)));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
    }

    private static String parentPath(JsonMappingException e) {
        var full = e.getPath();
        return full.subList(0, full.size() - 1).stream().map(JsonMappingException.Reference::getFieldName)
                .collect(Collectors.joining("."));
    }

    private static YAMLFactory yamlFactory() {
        var options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_SPEC_CHARS);
        options.setAllowDuplicateKeys(false);
        return YAMLFactory.builder().loaderOptions(options).build();
    }

    private static ObjectMapper configure(MapperBuilder<?, ?> builder) {
        return builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build();
    }
}
