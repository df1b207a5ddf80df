package dev.cairn.api.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.Map;

/**
 * One text per JSON value, so an entry hashes the same before and after PostgreSQL's jsonb has reordered its
 * keys and reformatted its numbers: object keys sorted (by UTF-16 code units, as RFC 8785), no whitespace,
 * strings escaped as Jackson does, numbers as plain decimals without trailing zeros ({@code 1.50}, {@code 1.5E0}
 * and jsonb's {@code 1.5} all become {@code 1.5}; {@code 1e2} becomes {@code 100}).
 *
 * <p>Values are parsed with {@link java.math.BigDecimal}s, never doubles, so no digit is lost on the way.
 */
final class CanonicalJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private CanonicalJson() {
    }

    /** Any value (records, maps, numbers, an existing tree) as a JSON tree; null for null or JSON null. */
    static JsonNode tree(Object value) {
        if (value == null) {
            return null;
        }
        try {
            // Through text, so doubles become the decimals Jackson writes for them, exactly as jsonb will store them.
            return nullToNull(MAPPER.readTree(MAPPER.writeValueAsString(value)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot record this value as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Stored JSON text (as jsonb returns it) back into a tree; null for SQL NULL or JSON null. */
    static JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return nullToNull(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Stored audit JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    /** The canonical text; JSON {@code null} for null. */
    static String write(JsonNode node) {
        var out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            var fields = new ArrayList<Map.Entry<String, JsonNode>>(node.properties());
            fields.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < fields.size(); i++) {
                out.append(i == 0 ? "" : ",");
                string(fields.get(i).getKey(), out);
                out.append(':');
                write(fields.get(i).getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            out.append(node.decimalValue().stripTrailingZeros().toPlainString());
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isTextual()) {
            string(node.textValue(), out);
        } else {
            throw new IllegalArgumentException("No canonical JSON form for a " + node.getNodeType() + " node");
        }
    }

    private static void string(String value, StringBuilder out) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, out);
        out.append('"');
    }

    private static JsonNode nullToNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }
}
