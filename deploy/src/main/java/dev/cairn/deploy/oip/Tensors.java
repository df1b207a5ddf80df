package dev.cairn.deploy.oip;

import dev.cairn.contracts.ColumnType;
import dev.cairn.deploy.inference.Answer;
import dev.cairn.deploy.inference.Cells;
import dev.cairn.deploy.inference.InvalidRequestException;
import dev.cairn.deploy.model.ModelSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Between the protocol's column tensors and the model's rows. Inputs: one tensor per signature column, all with
 * the same batch size. Outputs: {@code label} (BYTES {@code [N]}), {@code probabilities} (FP64 {@code [N, K]},
 * columns in the order of the {@code labels} parameter) and {@code prediction_id} (BYTES {@code [N]}).
 */
final class Tensors {

    static final String LABEL = "label";
    static final String PROBABILITIES = "probabilities";
    static final String PREDICTION_ID = "prediction_id";
    private static final Set<String> NUMERIC_TYPES = Set.of("BOOL", "UINT8", "UINT16", "UINT32", "UINT64", "INT8",
            "INT16", "INT32", "INT64", "FP16", "FP32", "FP64");

    private Tensors() {
    }

    static List<Map<String, String>> rows(List<InferenceRequest.Input> inputs, ModelSchema schema) {
        if (inputs == null || inputs.isEmpty()) {
            throw new InvalidRequestException("'inputs' is empty; the model reads " + schema.columnNames());
        }
        int batch = -1;
        List<List<Object>> columns = new ArrayList<>(inputs.size());
        Set<String> seen = new HashSet<>();
        for (InferenceRequest.Input input : inputs) {
            List<Object> values = column(input, schema, seen);
            if (batch >= 0 && values.size() != batch) {
                throw new InvalidRequestException("input '" + input.name() + "' has " + values.size()
                        + " rows, the first input has " + batch);
            }
            batch = values.size();
            columns.add(values);
        }
        List<Map<String, String>> rows = new ArrayList<>(batch);
        for (int r = 0; r < batch; r++) {
            Map<String, String> row = HashMap.newHashMap(inputs.size());
            for (int c = 0; c < inputs.size(); c++) {
                String name = inputs.get(c).name();
                row.put(name, Cells.text(name, columns.get(c).get(r)));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<Object> column(InferenceRequest.Input input, ModelSchema schema, Set<String> seen) {
        if (input.name() == null || !schema.accepts(input.name())) {
            throw new InvalidRequestException("unknown input '" + input.name() + "'; the model reads "
                    + schema.columnNames());
        }
        if (!seen.add(input.name())) {
            throw new InvalidRequestException("input '" + input.name() + "' appears twice");
        }
        ColumnType type = schema.columns().get(input.name());
        if (input.datatype() == null
                || !("BYTES".equals(input.datatype()) || NUMERIC_TYPES.contains(input.datatype()))) {
            throw new InvalidRequestException("input '" + input.name() + "' has datatype '" + input.datatype()
                    + "'; use " + (type == ColumnType.NUMERIC ? "FP64 (or another number type)" : "BYTES"));
        }
        List<Object> values = new ArrayList<>();
        flatten(input.data(), values);
        long expected = elements(input);
        if (values.size() != expected) {
            throw new InvalidRequestException("input '" + input.name() + "' has shape " + input.shape() + " but "
                    + values.size() + " values");
        }
        return values;
    }

    /** Shape {@code [N]} or {@code [N, 1]}: one value per row. */
    private static long elements(InferenceRequest.Input input) {
        List<Long> shape = input.shape();
        boolean oneColumn = shape != null && (shape.size() == 1 || (shape.size() == 2 && shape.get(1) == 1));
        if (!oneColumn || shape.get(0) == null || shape.get(0) < 1) {
            throw new InvalidRequestException("input '" + input.name() + "' has shape " + shape
                    + "; each input is one column: [N] or [N, 1] for N rows");
        }
        return shape.get(0);
    }

    private static void flatten(Object data, List<Object> into) {
        if (data instanceof List<?> list) {
            for (Object element : list) {
                flatten(element, into);
            }
        } else if (data instanceof Map<?, ?>) {
            throw new InvalidRequestException("tensor data must be values or arrays of values, not objects");
        } else {
            into.add(data);
        }
    }

    static List<InferenceResponse.Output> outputs(List<Answer> answers, List<String> labels,
            List<InferenceRequest.Output> requested) {
        List<InferenceResponse.Output> outputs = new ArrayList<>(3);
        if (wanted(requested, LABEL)) {
            outputs.add(new InferenceResponse.Output(LABEL, List.of(answers.size()), "BYTES", null,
                    answers.stream().map(Answer::label).toList()));
        }
        if (wanted(requested, PROBABILITIES)) {
            List<Double> flat = new ArrayList<>(answers.size() * labels.size());
            for (Answer answer : answers) {
                for (String label : labels) {
                    flat.add(answer.probabilities().getOrDefault(label, 0.0));
                }
            }
            outputs.add(new InferenceResponse.Output(PROBABILITIES, List.of(answers.size(), labels.size()), "FP64",
                    Map.of("labels", String.join(",", labels)), flat));
        }
        if (wanted(requested, PREDICTION_ID)) {
            outputs.add(new InferenceResponse.Output(PREDICTION_ID, List.of(answers.size()), "BYTES", null,
                    answers.stream().map(Answer::predictionId).toList()));
        }
        return outputs;
    }

    static void checkRequested(List<InferenceRequest.Output> requested) {
        if (requested == null) {
            return;
        }
        for (InferenceRequest.Output output : requested) {
            if (!Set.of(LABEL, PROBABILITIES, PREDICTION_ID).contains(output.name())) {
                throw new InvalidRequestException("unknown output '" + output.name() + "'; the model has "
                        + List.of(LABEL, PROBABILITIES, PREDICTION_ID));
            }
        }
    }

    private static boolean wanted(List<InferenceRequest.Output> requested, String name) {
        return requested == null || requested.isEmpty() || requested.stream().anyMatch(o -> name.equals(o.name()));
    }
}
