package dev.cairn.deploy.model;

import dev.cairn.contracts.ColumnType;
import dev.cairn.store.model.InputFeature;
import dev.cairn.store.model.ModelManifest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns a caller may send and the labels the model answers, looked up on every request and therefore
 * computed once from the manifest.
 *
 * @param columns every input column of the signature
 * @param target the training target; a caller that sends whole data rows may include it, and it is ignored
 */
public record ModelSchema(Map<String, ColumnType> columns, List<InputFeature> signature, List<String> labels,
        String target) {

    static ModelSchema of(ModelManifest manifest) {
        Map<String, ColumnType> columns = new HashMap<>();
        manifest.inputSignature().forEach(input -> columns.put(input.name(), input.type()));
        return new ModelSchema(Map.copyOf(columns), List.copyOf(manifest.inputSignature()),
                List.copyOf(manifest.labels()), manifest.target());
    }

    /** Whether a request may name this key: an input column or the (ignored) target. */
    public boolean accepts(String key) {
        return columns.containsKey(key) || key.equals(target);
    }

    /** The text column, when it is the model's only input: {@code /predict} then takes {@code {"text": "..."}}. */
    public java.util.Optional<String> onlyTextColumn() {
        return signature.size() == 1 && signature.getFirst().type() == ColumnType.TEXT
                ? java.util.Optional.of(signature.getFirst().name())
                : java.util.Optional.empty();
    }

    /** The input column names, in signature order, for error messages that tell the caller what is expected. */
    public List<String> columnNames() {
        return signature.stream().map(InputFeature::name).toList();
    }
}
